package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessRuleTest {
    @Test
    void noEntriesAllowsEveryJob() {
        assertThat(AccessRule.parse(null).allows("anything/at/all")).isTrue();
        assertThat(AccessRule.parse(" \n# only a comment\n").allowsAll()).isTrue();
    }

    @Test
    void folderEntryAllowsItsContentsOnWholeSegments() {
        AccessRule rule = AccessRule.parse("team-a\n");

        assertThat(rule.allows("team-a")).isTrue();
        assertThat(rule.allows("team-a/deploy")).isTrue();
        assertThat(rule.allows("team-a/deploy/main")).isTrue();
        assertThat(rule.allows("team-a-old/deploy")).isFalse();
        assertThat(rule.allows("other/team-a")).isFalse();
        assertThat(rule.allows("")).isFalse();
        assertThat(rule.allows(null)).isFalse();
    }

    @Test
    void jobEntryAllowsThatJobAndItsBranches() {
        AccessRule rule = AccessRule.parse("ops/deploy-prod");

        assertThat(rule.allows("ops/deploy-prod")).isTrue();
        assertThat(rule.allows("ops/deploy-prod/PR-7")).isTrue();
        assertThat(rule.allows("ops/deploy-prod-2")).isFalse();
        assertThat(rule.allows("ops")).isFalse();
        assertThat(rule.allows("OPS/deploy-prod")).isFalse();
    }

    @Test
    void entriesAreSplitOnLinesAndCommasAndNormalised() {
        AccessRule rule = AccessRule.parse("/team-a/ , team-b\r\n# note\n\n  ops/deploy  \nteam-b");

        assertThat(rule.entries()).containsExactly("team-a", "team-b", "ops/deploy");
        assertThat(rule).hasToString("team-a, team-b, ops/deploy");
    }

    @Test
    void malformedEntriesAreRejectedByName() {
        assertThatThrownBy(() -> AccessRule.parse("team-a\nteam-b//deploy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"team-b//deploy\"");
        assertThatThrownBy(() -> AccessRule.parse("team-a/../prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("team-a/../prod");
    }
}
