package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void acceptsUnitsPlainSecondsAndIso() {
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void rejectsGarbageWithAHint() {
        assertThatThrownBy(() -> converter.convert("soon"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("30s");
        assertThatThrownBy(() -> converter.convert("-5s")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
