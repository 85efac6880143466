package io.rampart.core.attachments.images;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.base.Suppliers;

/**
 * Optional OCR through the Tesseract command line ({@code tesseract}, English and Simplified
 * Chinese when those language packs are installed). Used only when the binary is on the PATH;
 * each run is a subprocess killed at its timeout. Without Tesseract, {@link #read} is empty.
 */
public final class TesseractOcr {
    private static final Logger LOGGER = LoggerFactory.getLogger(TesseractOcr.class);
    private static final java.util.function.Supplier<Optional<Installation>> INSTALLATION =
        Suppliers.memoize(TesseractOcr::locate);

    private static final class Installation {
        private final String binary;
        private final String languages;

        Installation(String binary, String languages) {
            this.binary = binary;
            this.languages = languages;
        }
    }

    public static boolean available() {
        return INSTALLATION.get().isPresent();
    }

    /** The recognised text, or empty when Tesseract is absent, fails or overruns {@code timeout}. */
    public Optional<String> read(BufferedImage image, Duration timeout) {
        Optional<Installation> installation = INSTALLATION.get();
        if (!installation.isPresent() || timeout.isZero() || timeout.isNegative()) {
            return Optional.empty();
        }
        Path input = null;
        Path output = null;
        Process process = null;
        try {
            input = Files.createTempFile("rampart-ocr", ".png");
            output = Files.createTempFile("rampart-ocr", ".txt");
            ImageIO.write(image, "png", input.toFile());
            List<String> command = new ArrayList<>(List.of(installation.get().binary, input.toString(), "stdout"));
            if (!installation.get().languages.isEmpty()) {
                command.add("-l");
                command.add(installation.get().languages);
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
            // One thread per OCR: mail is scanned on several threads already, and Tesseract's OpenMP team
            // spins on every core for one small picture (its documentation advises this for throughput).
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOGGER.debug("Tesseract overran its {} ms timeout", timeout.toMillis());
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOGGER.warn("Tesseract OCR failed", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            delete(input);
            delete(output);
        }
    }

    private static void delete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOGGER.debug("Could not delete OCR temporary file {}", path, e);
            }
        }
    }

    private static Optional<Installation> locate() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            File candidate = new File(directory, "tesseract");
            if (candidate.isFile() && candidate.canExecute()) {
                return Optional.of(new Installation(candidate.getAbsolutePath(), languages(candidate.getAbsolutePath())));
            }
        }
        return Optional.empty();
    }

    private static String languages(String binary) {
        try {
            Process process = new ProcessBuilder(binary, "--list-langs").redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readNBytes(64 * 1024);
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            String listing = new String(out, StandardCharsets.UTF_8);
            List<String> wanted = new ArrayList<>();
            for (String language : List.of("eng", "chi_sim")) {
                if (listing.lines().anyMatch(line -> line.trim().equals(language))) {
                    wanted.add(language);
                }
            }
            return String.join("+", wanted);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
