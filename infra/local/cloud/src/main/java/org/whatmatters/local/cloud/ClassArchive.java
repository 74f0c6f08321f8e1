package org.whatmatters.local.cloud;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.ObjectName;

/**
 * Writes the class-data archive infra/local/run.sh asked for (system property
 * {@value #PROPERTY}, with -XX:+RecordDynamicDumpInfo) once the local cloud is ready, so it holds
 * every class a whole start loads, not those of a run that stopped early.
 */
final class ClassArchive {

    static final String PROPERTY = "whatmatters.class.archive";

    private ClassArchive() {
    }

    static void writeIfAsked() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Path partial = Path.of(file + ".partial");
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[]{new String[]{"dynamic_dump", partial.toAbsolutePath().toString()}},
                    new String[]{String[].class.getName()});
            Files.move(partial, Path.of(file), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("Class archive written (later starts read it): " + file);
        } catch (Exception e) {
            System.err.println("local cloud: no class archive written (" + e + "); starts stay as they are");
        }
    }
}
