package dev.krv;

import java.util.ArrayList;
import java.util.List;

/**
 * Formats the storage of every node of a cluster in one JVM (instead of one JVM per node) through
 * Kafka's own StorageTool. Usage: Format <clusterId> <feature=level,...|-> <server.properties>...
 */
public final class Format {
  public static void main(String[] args) {
    for (int i = 2; i < args.length; i++) {
      List<String> a = new ArrayList<>(List.of("format", "-t", args[0], "-c", args[i]));
      if (!"-".equals(args[1]))
        for (String f : args[1].split(",")) {
          a.add("--feature");
          a.add(f);
        }
      int rc = kafka.tools.StorageTool$.MODULE$.execute(a.toArray(new String[0]), System.out);
      if (rc != 0) {
        System.err.println("StorageTool format failed for " + args[i] + " (exit " + rc + ")");
        System.exit(rc);
      }
    }
    System.exit(0);
  }
}
