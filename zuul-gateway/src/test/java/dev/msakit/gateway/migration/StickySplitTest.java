package dev.msakit.gateway.migration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StickySplitTest {

    private static final int MEMBERS = 10_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 30, 50, 75, 99})
    void splitsTenThousandMembersWithinOneAndAHalfPercentOfTheShare(int percent) {
        long onNew = IntStream.rangeClosed(1, MEMBERS)
                .filter(id -> StickySplit.isNew("catalog", "member:" + id, percent)).count();

        assertThat(onNew * 100.0 / MEMBERS).isBetween(percent - 1.5, percent + 1.5);
    }

    @Test
    void raisingTheShareOnlyMovesMembersFromLegacyToNew() {
        for (int id = 1; id <= MEMBERS; id++) {
            String member = "member:" + id;
            if (StickySplit.isNew("catalog", member, 10)) {
                assertThat(StickySplit.isNew("catalog", member, 30)).as("member %d at 30 %%", id).isTrue();
            }
        }
    }

    @Test
    void aMemberAlwaysLandsOnTheSameSideAndTheEdgesAreExact() {
        assertThat(IntStream.range(0, 100).mapToObj(i -> StickySplit.isNew("catalog", "member:42", 50)).distinct())
                .hasSize(1);
        assertThat(IntStream.rangeClosed(1, MEMBERS).filter(id -> StickySplit.isNew("catalog", "member:" + id, 0)))
                .isEmpty();
        assertThat(IntStream.rangeClosed(1, MEMBERS).filter(id -> !StickySplit.isNew("catalog", "member:" + id, 100)))
                .isEmpty();
    }

    @Test
    void featuresAreSaltedSoTheSameMembersAreNotAlwaysFirst() {
        long both = IntStream.rangeClosed(1, MEMBERS)
                .filter(id -> StickySplit.isNew("catalog", "member:" + id, 10)
                        && StickySplit.isNew("ordering", "member:" + id, 10)).count();
        // Independent 10 % draws overlap on about 1 % of members, not on all 10 %.
        assertThat(both * 100.0 / MEMBERS).isBetween(0.3, 2.0);
    }
}
