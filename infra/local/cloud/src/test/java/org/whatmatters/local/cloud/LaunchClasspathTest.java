package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classpath infra/local/run.sh keeps a class archive of: jars only, no manifest adding a directory. */
class LaunchClasspathTest {

    @TempDir
    Path dir;

    private Path jar(String name, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "a.Main");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("a/Main.class"));
            out.write(new byte[]{(byte) 0xCA, (byte) 0xFE, 1, 2});
            out.putNextEntry(new JarEntry("a/data.txt"));
            out.write(name.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void aJarWhoseManifestAddsToTheClasspathIsReplacedByACopyWithoutIt() throws IOException {
        Path plain = jar("plain.jar", null);
        Path adding = jar("adding.jar", ". lib/other.jar");
        Path rewritten = dir.resolve("rewritten");
        String classpath = String.join(File.pathSeparator, plain.toString(), adding.toString(), "/x/libnative.so");

        List<String> entries = List.of(LaunchClasspath.of(rewritten, classpath).split(File.pathSeparator));

        assertEquals(List.of(plain.toString(), rewritten.resolve("adding.jar").toString(), "/x/libnative.so"), entries);
        try (JarFile copy = new JarFile(entries.get(1)); JarFile original = new JarFile(adding.toFile())) {
            assertNull(copy.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH));
            assertEquals("a.Main", copy.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
            for (String entry : List.of("a/Main.class", "a/data.txt")) {
                assertArrayEquals(original.getInputStream(original.getEntry(entry)).readAllBytes(),
                        copy.getInputStream(copy.getEntry(entry)).readAllBytes(), entry);
            }
        }
    }

    @Test
    void theCopyIsMadeAgainOnlyWhenItsJarIsNewer() throws IOException {
        Path adding = jar("adding.jar", ".");
        Path rewritten = dir.resolve("rewritten");
        LaunchClasspath.of(rewritten, adding.toString());
        Path copy = rewritten.resolve("adding.jar");
        Files.writeString(copy, "kept");
        LaunchClasspath.of(rewritten, adding.toString());
        assertEquals("kept", Files.readString(copy));

        Files.setLastModifiedTime(adding, FileTime.fromMillis(
                Files.getLastModifiedTime(copy).toMillis() + 2_000));
        LaunchClasspath.of(rewritten, adding.toString());
        try (JarFile again = new JarFile(copy.toFile())) {
            assertNull(again.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH));
        }
    }
}
