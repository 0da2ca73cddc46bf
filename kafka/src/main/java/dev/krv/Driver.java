package dev.krv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metadata.BrokerRegistrationChangeRecord;
import org.apache.kafka.common.metadata.FenceBrokerRecord;
import org.apache.kafka.common.metadata.PartitionChangeRecord;
import org.apache.kafka.common.metadata.PartitionRecord;
import org.apache.kafka.common.metadata.RegisterBrokerRecord;
import org.apache.kafka.common.metadata.TopicRecord;
import org.apache.kafka.common.metadata.UnfenceBrokerRecord;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.metadata.BrokerRegistrationFencingChange;
import org.apache.kafka.metadata.MetadataRecordSerde;
import org.apache.kafka.metadata.PartitionRegistration;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeTopicPartitionsRequest;
import org.apache.kafka.common.requests.DescribeTopicPartitionsResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The conformance harness's hands and eyes on a real cluster: one JVM, driven by JSON lines on
 * stdin, answering with JSON lines on stdout. Producers are Kafka's own KafkaProducer (so
 * batching, retries and idempotence are Kafka's); facts come from Kafka's protocol and files.
 * Every request carries an "id"; its answer carries the same id. Produce outcomes arrive later as
 * {"ev":"ack"|"fail", "rid":...}.
 */
public final class Driver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, KafkaProducer<String, String>> producers = new HashMap<>();
  private String bootstrap;
  private String controllers;
  private Admin admin;
  private Admin controllerAdmin;
  private KafkaConsumer<String, String> consumer;
  private int correlation = 1;

  private Driver(String bootstrap, String controllers) {
    this.bootstrap = bootstrap;
    this.controllers = controllers;
  }

  public static void main(String[] args) throws Exception {
    // the cluster's addresses come with "connect" (the driver also formats the storage first)
    Driver d = new Driver(args.length > 0 ? args[0] : null, args.length > 1 ? args[1] : null);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    emit(JSON.createObjectNode().put("ev", "ready"));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      JsonNode cmd = JSON.readTree(line);
      ObjectNode out = JSON.createObjectNode();
      out.set("id", cmd.get("id"));
      try {
        d.handle(cmd, out);
      } catch (Exception e) {
        Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        out.put("error", c.getClass().getSimpleName() + ": " + c.getMessage());
      }
      emit(out);
      if ("quit".equals(cmd.path("op").asText())) break;
    }
    d.close();
    System.exit(0);
  }

  private static synchronized void emit(ObjectNode node) {
    System.out.println(node.toString());
    System.out.flush();
  }

  private Admin admin() {
    if (admin == null) {
      Properties p = new Properties();
      p.put("bootstrap.servers", bootstrap);
      p.put("request.timeout.ms", "5000");
      p.put("default.api.timeout.ms", "10000");
      admin = Admin.create(p);
    }
    return admin;
  }

  private Admin controllerAdmin() {
    if (controllerAdmin == null) {
      Properties p = new Properties();
      p.put("bootstrap.controllers", controllers);
      p.put("request.timeout.ms", "3000");
      p.put("default.api.timeout.ms", "5000");
      controllerAdmin = Admin.create(p);
    }
    return controllerAdmin;
  }

  private void handle(JsonNode cmd, ObjectNode out) throws Exception {
    switch (cmd.path("op").asText()) {
      case "format" -> format(cmd);
      case "connect" -> {
        bootstrap = cmd.get("bootstrap").asText();
        controllers = cmd.get("controllers").asText();
      }
      case "producer" -> producer(cmd);
      case "send" -> send(cmd);
      case "createTopic" -> createTopic(cmd);
      case "describe" -> out.set("brokers", describe(cmd));
      case "cluster" -> out.set("brokers", cluster());
      case "quorum" -> out.put("leader", quorumLeader());
      case "features" -> out.set("features", features());
      case "dumpLog" -> out.set("log", dumpLog(new File(cmd.get("dir").asText())));
      case "controllerView" -> controllerView(cmd, out);
      case "read" -> read(cmd, out);
      case "electPreferred" -> electPreferred(cmd);
      case "alterConfig" -> alterConfig(cmd);
      case "quit" -> {}
      default -> out.put("error", "unknown op " + cmd.path("op").asText());
    }
  }

  /**
   * Formats every node's storage with Kafka's own StorageTool, in this JVM (one JVM less per
   * cluster). Its console output goes to the answer on failure, never to stdout (the JSON channel).
   */
  private static void format(JsonNode cmd) {
    for (JsonNode props : cmd.get("props")) {
      List<String> a =
          new ArrayList<>(List.of("format", "-t", cmd.get("clusterId").asText(), "-c", props.asText()));
      for (JsonNode f : cmd.get("features")) {
        a.add("--feature");
        a.add(f.asText());
      }
      java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
      int rc;
      try (java.io.PrintStream ps = new java.io.PrintStream(text, true, StandardCharsets.UTF_8)) {
        rc = kafka.tools.StorageTool$.MODULE$.execute(a.toArray(new String[0]), ps);
      }
      if (rc != 0)
        throw new IllegalStateException(
            "StorageTool format of " + props.asText() + " exited " + rc + ": " + text.toString(StandardCharsets.UTF_8));
    }
  }

  private void producer(JsonNode cmd) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    cmd.get("config").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
    producers.put(cmd.get("client").asText(), new KafkaProducer<>(p));
  }

  private void send(JsonNode cmd) {
    KafkaProducer<String, String> producer = producers.get(cmd.get("client").asText());
    long rid = cmd.get("rid").asLong();
    Integer partition = cmd.hasNonNull("partition") ? cmd.get("partition").asInt() : null;
    String key = cmd.hasNonNull("key") ? cmd.get("key").asText() : null;
    ProducerRecord<String, String> rec =
        new ProducerRecord<>(cmd.get("topic").asText(), partition, key, cmd.get("value").asText());
    try {
      producer.send(
          rec,
          (md, err) -> {
            ObjectNode ev = JSON.createObjectNode().put("rid", rid);
            if (err != null) {
              ev.put("ev", "fail").put("error", Errors.forException(err).name());
              ev.put("message", String.valueOf(err.getMessage()));
            } else {
              ev.put("ev", "ack").put("partition", md.partition());
              ev.put("offset", md.hasOffset() ? md.offset() : -1);
            }
            emit(ev);
          });
    } catch (Exception e) {
      emit(
          JSON.createObjectNode()
              .put("ev", "fail")
              .put("rid", rid)
              .put("error", Errors.forException(e).name()));
    }
  }

  private void createTopic(JsonNode cmd) throws Exception {
    String name = cmd.get("name").asText();
    NewTopic topic;
    if (cmd.hasNonNull("assignment")) {
      Map<Integer, List<Integer>> assignment = new HashMap<>();
      cmd.get("assignment")
          .fields()
          .forEachRemaining(
              e -> {
                List<Integer> ids = new ArrayList<>();
                e.getValue().forEach(n -> ids.add(n.asInt()));
                assignment.put(Integer.parseInt(e.getKey()), ids);
              });
      topic = new NewTopic(name, assignment);
    } else {
      topic = new NewTopic(name, cmd.get("partitions").asInt(), (short) cmd.get("rf").asInt());
    }
    Map<String, String> configs = new HashMap<>();
    cmd.path("config").fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
    topic.configs(configs);
    admin().createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
  }

  /**
   * Leader, leader epoch, ISR and ELR as each given broker's metadata cache has them, by a raw
   * DescribeTopicPartitions request (the Admin API does not expose the leader epoch).
   */
  private ArrayNode describe(JsonNode cmd) {
    ArrayNode answers = JSON.createArrayNode();
    List<DescribeTopicPartitionsRequestData.TopicRequest> topics = new ArrayList<>();
    cmd.get("topics")
        .forEach(t -> topics.add(new DescribeTopicPartitionsRequestData.TopicRequest().setName(t.asText())));
    for (JsonNode b : cmd.get("brokers")) {
      ObjectNode answer = answers.addObject();
      answer.put("broker", b.get("id").asInt());
      try {
        answer.set("partitions", describeOn(b.get("port").asInt(), topics));
      } catch (Exception e) {
        answer.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    return answers;
  }

  private ArrayNode describeOn(int port, List<DescribeTopicPartitionsRequestData.TopicRequest> topics)
      throws Exception {
    short version = ApiKeys.DESCRIBE_TOPIC_PARTITIONS.latestVersion();
    DescribeTopicPartitionsRequestData data =
        new DescribeTopicPartitionsRequestData().setTopics(topics).setResponsePartitionLimit(2000);
    DescribeTopicPartitionsRequest req = new DescribeTopicPartitionsRequest.Builder(data).build(version);
    RequestHeader header =
        new RequestHeader(ApiKeys.DESCRIBE_TOPIC_PARTITIONS, version, "krv-facts", correlation++);
    ByteBuffer body = req.serializeWithHeader(header);
    DescribeTopicPartitionsResponse resp;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      s.setSoTimeout(1500);
      DataOutputStream os = new DataOutputStream(s.getOutputStream());
      os.writeInt(body.remaining());
      os.write(body.array(), body.arrayOffset() + body.position(), body.remaining());
      os.flush();
      DataInputStream is = new DataInputStream(s.getInputStream());
      byte[] buf = new byte[is.readInt()];
      is.readFully(buf);
      resp = (DescribeTopicPartitionsResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(buf), header);
    }
    ArrayNode parts = JSON.createArrayNode();
    for (DescribeTopicPartitionsResponseData.DescribeTopicPartitionsResponseTopic t : resp.data().topics()) {
      for (DescribeTopicPartitionsResponseData.DescribeTopicPartitionsResponsePartition p : t.partitions()) {
        ObjectNode o = parts.addObject();
        o.put("partition", t.name() + "-" + p.partitionIndex());
        o.put("error", Errors.forCode(p.errorCode() != 0 ? p.errorCode() : t.errorCode()).name());
        o.put("leader", p.leaderId());
        o.put("leaderEpoch", p.leaderEpoch());
        o.set("replicas", ints(p.replicaNodes()));
        o.set("isr", ints(p.isrNodes()));
        o.set("elr", ints(p.eligibleLeaderReplicas()));
        o.set("lastKnownElr", ints(p.lastKnownElr()));
      }
    }
    return parts;
  }

  private static ArrayNode ints(Collection<Integer> xs) {
    ArrayNode a = JSON.createArrayNode();
    if (xs != null) xs.forEach(a::add);
    return a;
  }

  /** Registered brokers and whether they are fenced, from the brokers' metadata (KIP-1073). */
  private ArrayNode cluster() throws Exception {
    Collection<Node> nodes =
        admin()
            .describeCluster(new DescribeClusterOptions().includeFencedBrokers(true))
            .nodes()
            .get(5, TimeUnit.SECONDS);
    ArrayNode a = JSON.createArrayNode();
    for (Node n : nodes) a.addObject().put("id", n.id()).put("fenced", n.isFenced());
    return a;
  }

  /** The active controller: the KRaft quorum's leader. */
  private int quorumLeader() throws Exception {
    return admin().describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS).leaderId();
  }

  /** Finalized feature levels (metadata.version, eligible.leader.replicas.version, ...). */
  private ObjectNode features() throws Exception {
    ObjectNode o = JSON.createObjectNode();
    admin()
        .describeFeatures()
        .featureMetadata()
        .get(10, TimeUnit.SECONDS)
        .finalizedFeatures()
        .forEach((k, v) -> o.put(k, v.maxVersionLevel()));
    return o;
  }

  /** Every record of a partition's log folder, read with Kafka's own segment reader. */
  private static ArrayNode dumpLog(File dir) throws Exception {
    ArrayNode out = JSON.createArrayNode();
    File[] segments = dir.listFiles((d, n) -> n.endsWith(".log"));
    if (segments == null) return out;
    Arrays.sort(segments);
    for (File seg : segments) {
      try (FileRecords records = FileRecords.open(seg, false, true, 0, false)) {
        for (FileChannelRecordBatch batch : records.batches()) {
          for (Record r : batch) {
            ObjectNode o = out.addObject();
            o.put("offset", r.offset());
            o.put("epoch", batch.partitionLeaderEpoch());
            o.put("value", r.hasValue() ? StandardCharsets.UTF_8.decode(r.value()).toString() : null);
            o.put("producerId", batch.producerId());
            o.put("sequence", batch.baseSequence() < 0 ? -1 : batch.baseSequence() + (int) (r.offset() - batch.baseOffset()));
          }
        }
      }
    }
    return out;
  }

  /**
   * Partitions and broker fencing as the controller has them, by replaying its metadata log
   * (__cluster_metadata-0) with Kafka's own record serde and PartitionRegistration.merge: the facts
   * when no broker is up to answer DescribeTopicPartitions. Of several controllers' logs the
   * longest is read (they differ at most by a tail not yet replicated).
   */
  private static void controllerView(JsonNode cmd, ObjectNode out) throws Exception {
    Map<Uuid, String> names = new HashMap<>();
    Map<String, PartitionRegistration> parts = new TreeMap<>();
    Map<Integer, Boolean> fenced = new TreeMap<>();
    int best = -1;
    for (JsonNode d : cmd.get("dirs")) {
      Map<Uuid, String> n = new HashMap<>();
      Map<String, PartitionRegistration> p = new TreeMap<>();
      Map<Integer, Boolean> f = new TreeMap<>();
      int count = replayMetadata(new File(d.asText()), n, p, f);
      if (count > best) {
        best = count;
        names = n;
        parts = p;
        fenced = f;
      }
    }
    ArrayNode ps = out.putArray("partitions");
    for (Map.Entry<String, PartitionRegistration> e : parts.entrySet()) {
      PartitionRegistration r = e.getValue();
      ObjectNode o = ps.addObject();
      o.put("partition", e.getKey());
      o.put("error", "NONE");
      o.put("leader", r.leader);
      o.put("leaderEpoch", r.leaderEpoch);
      o.set("replicas", ints(r.replicas));
      o.set("isr", ints(r.isr));
      o.set("elr", ints(r.elr));
      o.set("lastKnownElr", ints(r.lastKnownElr));
    }
    ArrayNode bs = out.putArray("brokers");
    fenced.forEach((id, isFenced) -> bs.addObject().put("id", id).put("fenced", isFenced));
    out.put("records", best);
  }

  private static int replayMetadata(
      File dir, Map<Uuid, String> names, Map<String, PartitionRegistration> parts, Map<Integer, Boolean> fenced)
      throws Exception {
    File[] segments = dir.listFiles((d, n) -> n.endsWith(".log"));
    if (segments == null) return -1;
    Arrays.sort(segments);
    Map<String, String> keyOf = new HashMap<>();
    int count = 0;
    for (File seg : segments) {
      try (FileRecords records = FileRecords.open(seg, false, true, 0, false)) {
        for (FileChannelRecordBatch batch : records.batches()) {
          if (batch.isControlBatch()) continue;
          for (Record r : batch) {
            count++;
            ApiMessage m = MetadataRecordSerde.INSTANCE.read(new ByteBufferAccessor(r.value()), r.valueSize()).message();
            if (m instanceof TopicRecord t) names.put(t.topicId(), t.name());
            else if (m instanceof PartitionRecord p) {
              String key = names.get(p.topicId()) + "-" + p.partitionId();
              keyOf.put(p.topicId() + ":" + p.partitionId(), key);
              parts.put(key, new PartitionRegistration(p));
            } else if (m instanceof PartitionChangeRecord c) {
              String key = keyOf.get(c.topicId() + ":" + c.partitionId());
              if (key != null) parts.put(key, parts.get(key).merge(c));
            } else if (m instanceof RegisterBrokerRecord b) fenced.put(b.brokerId(), b.fenced());
            else if (m instanceof FenceBrokerRecord f) fenced.put(f.id(), true);
            else if (m instanceof UnfenceBrokerRecord u) fenced.put(u.id(), false);
            else if (m instanceof BrokerRegistrationChangeRecord c)
              BrokerRegistrationFencingChange.fromValue(c.fenced())
                  .flatMap(BrokerRegistrationFencingChange::asBoolean)
                  .ifPresent(v -> fenced.put(c.brokerId(), v));
          }
        }
      }
    }
    return count;
  }

  private static ArrayNode ints(int[] xs) {
    ArrayNode a = JSON.createArrayNode();
    for (int x : xs) a.add(x);
    return a;
  }

  /** A consumer's read of a partition from `from` up to its high watermark. */
  private void read(JsonNode cmd, ObjectNode answer) {
    if (consumer == null) {
      Properties p = new Properties();
      p.put("bootstrap.servers", bootstrap);
      p.put("key.deserializer", StringDeserializer.class.getName());
      p.put("value.deserializer", StringDeserializer.class.getName());
      p.put("enable.auto.commit", "false");
      p.put("auto.offset.reset", "none");
      p.put("request.timeout.ms", "5000");
      p.put("default.api.timeout.ms", "10000");
      consumer = new KafkaConsumer<>(p);
    }
    TopicPartition tp = new TopicPartition(cmd.get("topic").asText(), cmd.get("partition").asInt());
    consumer.assign(Set.of(tp));
    ArrayNode out = answer.putArray("records");
    try {
      long end = consumer.endOffsets(Set.of(tp), java.time.Duration.ofSeconds(10)).get(tp);
      long start = consumer.beginningOffsets(Set.of(tp), java.time.Duration.ofSeconds(10)).get(tp);
      answer.put("end", end).put("start", start);
      long from = cmd.path("from").asLong(-1);
      consumer.seek(tp, from < 0 ? start : from);
      long pos = from < 0 ? start : from;
      // At or past the high watermark there is nothing to read, but the broker still answers:
      // an empty fetch below the log end, OFFSET_OUT_OF_RANGE past it. One poll asks it.
      if (pos >= end) consumer.poll(java.time.Duration.ofMillis(1500));
      long deadline = System.currentTimeMillis() + 10_000;
      while (consumer.position(tp) < end && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(java.time.Duration.ofMillis(200))) {
          if (r.offset() >= end) continue;
          out.addObject().put("offset", r.offset()).put("value", r.value());
        }
      }
    } catch (org.apache.kafka.clients.consumer.OffsetOutOfRangeException e) {
      // the client's own exception for the broker's OFFSET_OUT_OF_RANGE (no ApiException)
      answer.put("readError", Errors.OFFSET_OUT_OF_RANGE.name());
    } catch (Exception e) {
      answer.put("readError", Errors.forException(e).name());
    }
  }

  private void electPreferred(JsonNode cmd) throws Exception {
    Set<TopicPartition> parts = new java.util.HashSet<>();
    cmd.get("partitions")
        .forEach(
            p -> {
              String s = p.asText();
              int dash = s.lastIndexOf('-');
              parts.add(new TopicPartition(s.substring(0, dash), Integer.parseInt(s.substring(dash + 1))));
            });
    try {
      admin().electLeaders(ElectionType.PREFERRED, parts).all().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // ELECTION_NOT_NEEDED and PREFERRED_LEADER_NOT_AVAILABLE are answers, not harness failures
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.ApiException)) throw e;
    }
  }

  private void alterConfig(JsonNode cmd) throws Exception {
    ConfigResource.Type type =
        "topic".equals(cmd.get("scope").asText()) ? ConfigResource.Type.TOPIC : ConfigResource.Type.BROKER;
    ConfigResource res = new ConfigResource(type, cmd.path("name").asText(""));
    List<AlterConfigOp> ops = new ArrayList<>();
    cmd.get("config")
        .fields()
        .forEachRemaining(
            e ->
                ops.add(
                    new AlterConfigOp(
                        new ConfigEntry(e.getKey(), e.getValue().asText()), AlterConfigOp.OpType.SET)));
    admin().incrementalAlterConfigs(Map.of(res, ops)).all().get(10, TimeUnit.SECONDS);
  }

  private void close() {
    producers.values().forEach(p -> p.close(java.time.Duration.ofSeconds(1)));
    if (consumer != null) consumer.close(java.time.Duration.ofSeconds(1));
    if (admin != null) admin.close(java.time.Duration.ofSeconds(1));
    if (controllerAdmin != null) controllerAdmin.close(java.time.Duration.ofSeconds(1));
  }
}
