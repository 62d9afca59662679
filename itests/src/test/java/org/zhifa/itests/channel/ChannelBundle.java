package org.zhifa.itests.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds the test channel's bundle from the compiled test classes, pointed at a control folder. */
public final class ChannelBundle {
    private ChannelBundle() {}

    public static Path build(Path jar, Path dir) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.zhifa.itests.channel");
        a.putValue("Bundle-Name", "zhifa itests test channel");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", Activator.class.getName());
        a.putValue("Import-Package", "org.osgi.framework,org.zhifa.api.disclosure");
        a.putValue("Zhifa-Test-Dir", dir.toAbsolutePath().toString());
        Path classes;
        try {
            classes = Path.of(ChannelBundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path pkg = classes.resolve("org/zhifa/itests/channel");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m);
             var files = Files.list(pkg)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".class") && !f.getFileName().toString().startsWith("ChannelBundle")) {
                    j.putNextEntry(new JarEntry("org/zhifa/itests/channel/" + f.getFileName()));
                    j.write(Files.readAllBytes(f));
                    j.closeEntry();
                }
            }
        }
        return jar;
    }
}
