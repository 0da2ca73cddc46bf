package dev.krv;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.placement.ClusterDescriber;
import org.apache.kafka.metadata.placement.PartitionAssignment;
import org.apache.kafka.metadata.placement.PlacementSpec;
import org.apache.kafka.metadata.placement.StripedReplicaPlacer;
import org.apache.kafka.metadata.placement.UsableBroker;

/**
 * Runs Kafka's own KRaft placer (StripedReplicaPlacer) with scripted random draws, so the engine's
 * placement can be checked draw for draw. Each argument is one case,
 * "partitions/replicationFactor/k/id[:rack],id[:rack],...": every draw nextInt(n) returns k % n
 * (the same for every caller, so the order in which Kafka's HashMap visits racks does not
 * matter). Prints one JSON array of replica lists per case.
 */
public final class Placement {
  public static void main(String[] args) {
    for (String c : args) {
      String[] f = c.split("/");
      int k = Integer.parseInt(f[2]);
      List<UsableBroker> brokers = new ArrayList<>();
      for (String b : f[3].split(",")) {
        String[] idRack = b.split(":");
        Optional<String> rack = idRack.length > 1 ? Optional.of(idRack[1]) : Optional.empty();
        brokers.add(new UsableBroker(Integer.parseInt(idRack[0]), rack, false));
      }
      Random scripted =
          new Random() {
            @Override
            public int nextInt(int bound) {
              return k % bound;
            }
          };
      ClusterDescriber cluster =
          new ClusterDescriber() {
            @Override
            public Iterator<UsableBroker> usableBrokers() {
              return brokers.iterator();
            }

            @Override
            public Uuid defaultDir(int brokerId) {
              return Uuid.ZERO_UUID;
            }
          };
      List<PartitionAssignment> placed =
          new StripedReplicaPlacer(scripted)
              .place(
                  new PlacementSpec(0, Integer.parseInt(f[0]), Short.parseShort(f[1])), cluster)
              .assignments();
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < placed.size(); i++) {
        if (i > 0) out.append(',');
        out.append(placed.get(i).replicas().toString().replace(" ", ""));
      }
      System.out.println(out.append(']'));
    }
  }
}
