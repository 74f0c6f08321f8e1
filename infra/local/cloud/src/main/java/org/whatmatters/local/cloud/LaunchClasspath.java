package org.whatmatters.local.cloud;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Prints a classpath the JVM can keep a class-data archive of (infra/local/run.sh). The archive takes
 * jars only, and a jar whose manifest adds a directory to the classpath stops it: DynamoDB Local's
 * names ".". Such a jar is replaced by a copy without its manifest Class-Path (whose other entries
 * are absent from Maven's repository anyway), kept in the given folder.
 * <pre>java -cp local-cloud.jar org.whatmatters.local.cloud.LaunchClasspath folder classpath</pre>
 */
public final class LaunchClasspath {

    private LaunchClasspath() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LaunchClasspath <folder for rewritten jars> <classpath>");
            System.exit(2);
        }
        System.out.println(of(Path.of(args[0]), args[1]));
    }

    static String of(Path folder, String classpath) throws IOException {
        Files.createDirectories(folder);
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry.endsWith(".jar") ? withoutClassPath(Path.of(entry), folder).toString() : entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path withoutClassPath(Path jar, Path folder) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) == null) {
                return jar;
            }
        }
        Path copy = folder.resolve(jar.getFileName());
        if (Files.exists(copy) && Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
            return copy;
        }
        Path partial = folder.resolve(jar.getFileName() + ".partial");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
                copyEntries(in, out);
            }
        }
        return Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyEntries(JarInputStream in, JarOutputStream jar) throws IOException {
        for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
            jar.putNextEntry(new JarEntry(e.getName()));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }
}
