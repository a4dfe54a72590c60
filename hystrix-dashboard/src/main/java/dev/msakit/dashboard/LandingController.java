package dev.msakit.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** An operator opens the dashboard and sees the circuits: no stream URL to paste. */
@Controller
public class LandingController {

    private final DashboardProperties properties;

    public LandingController(DashboardProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/")
    public String landing() {
        String target = UriComponentsBuilder.fromPath("/hystrix/monitor")
                .queryParam("stream", properties.getTurbineStreamUrl())
                .queryParam("title", properties.getTitle())
                .encode().build().toUriString();
        return "redirect:" + target;
    }
}
