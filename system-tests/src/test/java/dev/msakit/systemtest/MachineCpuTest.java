package dev.msakit.systemtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineCpuTest {

    @Test
    void idleAndIowaitAreTheFreeTimeTheRestIsBusy() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineCpu.Sample before = MachineCpu.parse("cpu  1000 10 300 5000 40 0 50 0 0 0");
        MachineCpu.Sample after = MachineCpu.parse("cpu  1600 10 500 5300 40 0 50 0 0 0");

        assertThat(before.busy).isEqualTo(1360);
        assertThat(before.total).isEqualTo(6400);
        // 800 busy jiffies of 1,100 that passed: both cores 73 % busy
        assertThat(after.busyPercentSince(before)).isEqualTo(73);
        assertThat(before.busyPercentSince(before)).isZero();
    }

    @Test
    void onlyTheMachinesLineIsRead() {
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisMachineCountsForward() throws InterruptedException {
        MachineCpu.Sample first = MachineCpu.now().orElseThrow();
        Thread.sleep(50);
        MachineCpu.Sample second = MachineCpu.now().orElseThrow();

        assertThat(second.total).isGreaterThan(first.total);
        assertThat(second.busyPercentSince(first)).isBetween(0, 100);
    }
}
