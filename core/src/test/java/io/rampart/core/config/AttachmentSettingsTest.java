package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AttachmentSettingsTest {
    private static RampartConfiguration parse(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("rampart.properties", properties);
    }

    @Test
    void defaultsShouldBeThePublishedConstants() {
        AttachmentSettings settings = RampartConfiguration.defaults().attachments();

        assertThat(settings.maxPixels()).isEqualTo(AttachmentSettings.DEFAULT_MAX_PIXELS);
        assertThat(settings.maxPdfPages()).isEqualTo(AttachmentSettings.DEFAULT_MAX_PDF_PAGES);
        assertThat(settings.maxPdfRenderedPages()).isEqualTo(AttachmentSettings.DEFAULT_MAX_PDF_RENDERED_PAGES);
        assertThat(settings.maxArchiveEntries()).isEqualTo(AttachmentSettings.DEFAULT_MAX_ARCHIVE_ENTRIES);
        assertThat(settings.maxExpansionRatio()).isEqualTo(AttachmentSettings.DEFAULT_MAX_EXPANSION_RATIO);
        assertThat(settings.maxTotalUncompressedBytes()).isEqualTo(AttachmentSettings.DEFAULT_MAX_TOTAL_UNCOMPRESSED_BYTES);
        assertThat(settings.maxDepth()).isEqualTo(AttachmentSettings.DEFAULT_MAX_DEPTH);
        assertThat(settings.timePerPart()).isEqualTo(AttachmentSettings.DEFAULT_TIME_PER_PART);
        assertThat(settings.ocrEnabled()).isEqualTo(AttachmentSettings.DEFAULT_OCR_ENABLED);
        assertThat(settings.ocrTimeout()).isEqualTo(AttachmentSettings.DEFAULT_OCR_TIMEOUT);
    }

    @Test
    void everyKeyShouldBeRead() {
        AttachmentSettings settings = parse("attachments.maxPixels", "1000000", "attachments.maxPdfPages", "5",
            "attachments.maxPdfRenderedPages", "0", "attachments.maxArchiveEntries", "10",
            "attachments.maxExpansionRatio", "50", "attachments.maxTotalUncompressedBytes", "2048",
            "attachments.maxDepth", "2", "attachments.timePerPart", "500ms", "attachments.ocr.enabled", "false",
            "attachments.ocr.timeout", "1s").attachments();

        assertThat(settings.maxPixels()).isEqualTo(1_000_000L);
        assertThat(settings.maxPdfPages()).isEqualTo(5);
        assertThat(settings.maxPdfRenderedPages()).isZero();
        assertThat(settings.maxArchiveEntries()).isEqualTo(10);
        assertThat(settings.maxExpansionRatio()).isEqualTo(50);
        assertThat(settings.maxTotalUncompressedBytes()).isEqualTo(2048L);
        assertThat(settings.maxDepth()).isEqualTo(2);
        assertThat(settings.timePerPart()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.ocrEnabled()).isFalse();
        assertThat(settings.ocrTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Nested
    class Invalid {
        @Test
        void nonNumericPixelCapShouldBeRejected() {
            assertThatThrownBy(() -> parse("attachments.maxPixels", "lots"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("rampart.properties: key 'attachments.maxPixels' has value 'lots', expected an integer between 10000 and 1000000000");
        }

        @Test
        void zeroDepthShouldBeRejected() {
            assertThatThrownBy(() -> parse("attachments.maxDepth", "0"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("rampart.properties: key 'attachments.maxDepth' has value '0', expected an integer between 1 and 50");
        }

        @Test
        void lenientBooleanShouldBeRejected() {
            assertThatThrownBy(() -> parse("attachments.ocr.enabled", "yes"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("rampart.properties: key 'attachments.ocr.enabled' has value 'yes', expected true or false");
        }

        @Test
        void zeroTimePerPartShouldBeRejected() {
            assertThatThrownBy(() -> parse("attachments.timePerPart", "0s"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("rampart.properties: key 'attachments.timePerPart' has value 'PT0S', expected a positive "
                    + "duration such as 2s");
        }

        @Test
        void misspelledKeyShouldBeRejected() {
            assertThatThrownBy(() -> parse("attachments.maxPixel", "100"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("rampart.properties: unknown key 'attachments.maxPixel' (value '100')");
        }
    }
}
