package org.zhifa.itests.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The offline verifier as a user runs it: {@code java -jar zhifa-verify.jar <file> [options]} in its own JVM. */
public final class Verifier {

    /** The verifier's exit code (0 verified, 1 problems, 2 unusable) and everything it printed. */
    public record Run(int exit, String output) {}

    private Verifier() {}

    public static Run run(Path file, String... more) throws Exception {
        String jar = System.getProperty("zhifa.verifier", "../verifier/target/zhifa-verify.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, file.toString()));
        cmd.addAll(List.of(more));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("verifier did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
