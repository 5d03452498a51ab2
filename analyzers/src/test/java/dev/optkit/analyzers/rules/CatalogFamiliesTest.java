package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per client family of the catalogue added for breadth: a positive snippet (one call of the
 * library, one finding of its category, read or write as the operation says) and a negative one
 * (building the client, taking a handle, or a same-named method on an unrelated type: no finding).
 * No library jar is on the class path: the types come from the imports, as on a project whose
 * dependencies are not downloaded.
 */
class CatalogFamiliesTest {
  @TempDir Path dir;

  private static Arguments row(String family, Category category, String access, String imports, String field,
      String positive, String negative) {
    return Arguments.of(family, category, access, imports, field, positive, negative);
  }

  static Stream<Arguments> families() {
    return Stream.of(
        row("spring-data-redis", Category.DB_QUERY, "read",
            "import org.springframework.data.redis.core.StringRedisTemplate;", "StringRedisTemplate redis",
            "return redis.opsForValue().get(key);",
            "redis.setEnableTransactionSupport(true); return key;"),
        // a blind trial's cart service: RENAME, PERSIST, TTL and TYPE went unseen
        row("spring-data-redis key commands", Category.DB_QUERY, "write",
            "import org.springframework.data.redis.core.StringRedisTemplate;", "StringRedisTemplate redis",
            "redis.rename(key, key + \".old\"); return key;", "return redis.getKeySerializer() + key;"),
        row("jedis", Category.DB_QUERY, "read", "import redis.clients.jedis.JedisPooled;", "JedisPooled redis",
            "return redis.get(key);", "return redis.toString() + key;"),
        row("lettuce", Category.DB_QUERY, "write", "import io.lettuce.core.api.sync.RedisCommands;",
            "RedisCommands<String, String> redis", "return redis.set(key, \"v\");", "return key.trim();"),
        row("redisson", Category.DB_QUERY, "read", "import org.redisson.api.RMap;", "RMap<String, String> map",
            "return map.get(key);", "return map.getName() + key;"),
        row("memcached", Category.DB_QUERY, "read", "import net.spy.memcached.MemcachedClient;",
            "MemcachedClient cache", "return (String) cache.get(key);", "return cache.toString();"),
        row("hazelcast-map", Category.DB_QUERY, "write", "import com.hazelcast.map.IMap;",
            "IMap<String, String> map", "return map.put(key, \"v\");", "return map.getName();"),
        row("mongodb-driver", Category.DB_QUERY, "read",
            "import com.mongodb.client.MongoCollection; import com.mongodb.client.MongoDatabase; import org.bson.Document;",
            "MongoCollection<Document> people",
            "return String.valueOf(people.countDocuments(new Document(\"name\", key)));",
            "MongoDatabase db = null; return db.getName() + key;"),
        row("spring-mongo-template", Category.DB_QUERY, "write",
            "import org.springframework.data.mongodb.core.MongoTemplate;", "MongoTemplate mongo",
            "mongo.save(key); return key;", "return mongo.getCollectionName(String.class);"),
        row("elasticsearch-client", Category.DB_QUERY, "read",
            "import co.elastic.clients.elasticsearch.ElasticsearchClient;", "ElasticsearchClient es",
            "return String.valueOf(es.count(c -> c.index(key)));", "return es._transport().toString();"),
        row("spring-data-elasticsearch", Category.DB_QUERY, "read",
            "import org.springframework.data.elasticsearch.core.ElasticsearchOperations;", "ElasticsearchOperations es",
            "return String.valueOf(es.get(key, String.class));", "return es.getElasticsearchConverter().toString();"),
        // a blind trial's search service: SolrTemplate's queries were remote API calls by its bytecode
        row("spring-data-solr", Category.DB_QUERY, "read", "import org.springframework.data.solr.core.SolrTemplate;",
            "SolrTemplate solr", "return String.valueOf(solr.count(key, null));", "return solr.getSolrCore() + key;"),
        row("solrj", Category.DB_QUERY, "write", "import org.apache.solr.client.solrj.SolrClient;", "SolrClient solr",
            "solr.deleteById(key); return key;", "return solr.toString() + key;"),
        row("cassandra-driver", Category.DB_QUERY, "read", "import com.datastax.oss.driver.api.core.CqlSession;",
            "CqlSession cql", "return cql.execute(\"SELECT name FROM people WHERE id = ?\", key).one().getString(0);",
            "return cql.getName();"),
        // the driver 3 object mapper: saveQuery builds the statement a batch runs later (a trial's comment DAO)
        row("cassandra mapper", Category.DB_QUERY, "write", "import com.datastax.driver.mapping.Mapper;",
            "Mapper<String> mapper", "mapper.save(key); return key;", "return String.valueOf(mapper.saveQuery(key));"),
        // a data store over HTTP is a database: a trial's legacy table client was reported as remote API calls
        row("azure tables legacy", Category.DB_QUERY, "read", "import com.microsoft.azure.storage.table.CloudTable;",
            "CloudTable table", "return String.valueOf(table.exists());", "return table.getName();"),
        row("azure tables", Category.DB_QUERY, "write", "import com.azure.data.tables.TableClient;", "TableClient table",
            "table.deleteEntity(key, key); return key;", "return table.getTableName();"),
        // a consumer's poll fetches over the network and moves its position (a trial's listeners): never a cached read
        row("kafka consumer", Category.API_CALL, "write", "import org.apache.kafka.clients.consumer.Consumer;",
            "Consumer<String, String> consumer", "return String.valueOf(consumer.poll(java.time.Duration.ofSeconds(1)));",
            "consumer.subscribe(java.util.List.of(key)); return key;"),
        // an operation's verb is a request to the API server (a trial's pod discovery)
        row("fabric8 kubernetes", Category.API_CALL, "read", "import io.fabric8.kubernetes.client.dsl.Listable;",
            "Listable<String> pods", "return String.valueOf(pods.list());", "return pods.toString();"),
        // a trial's topic browser: every admin request queued for the client's network thread, missed in bytecode
        // its metadata requests are reads (a blind trial's bridge: a topic listing "may read or write"), its changes writes
        row("kafka admin", Category.API_CALL, "read", "import org.apache.kafka.clients.admin.Admin;", "Admin admin",
            "return String.valueOf(admin.describeTopics(java.util.List.of(key)));",
            "admin.close(); return key;"),
        row("kafka admin write", Category.API_CALL, "write", "import org.apache.kafka.clients.admin.Admin;",
            "Admin admin", "return String.valueOf(admin.deleteTopics(java.util.List.of(key)));",
            "admin.close(); return key;"),
        // a blind trial's search service: the low-level client's requests were unseen
        row("elasticsearch low-level", Category.DB_QUERY, "unknown",
            "import org.elasticsearch.client.Request; import org.elasticsearch.client.RestClient;", "RestClient es",
            "return es.performRequest(new Request(\"GET\", \"/\" + key + \"/_search\")).toString();",
            "return new Request(\"GET\", \"/\" + key).getEndpoint();"),
        row("google cloud storage blob", Category.API_CALL, "read", "import com.google.cloud.storage.Blob;", "Blob blob",
            "return new String(blob.getContent()) + key;", "return blob.getName() + key;"),
        // a blind trial's Spring Cloud GCP service: its topic set-up and acknowledgements were unseen
        row("google pubsub admin", Category.API_CALL, "write", "import com.google.cloud.pubsub.v1.TopicAdminClient;",
            "TopicAdminClient admin", "return admin.createTopic(key).getName();", "return admin.toString() + key;"),
        row("spring cloud gcp pubsub", Category.API_CALL, "write",
            "import com.google.cloud.spring.pubsub.core.PubSubTemplate;", "PubSubTemplate pubsub",
            "pubsub.publish(\"events\", key); return key;", "return pubsub.getPublisherFactory().toString() + key;"),
        row("spring cloud gcp pubsub message", Category.API_CALL, "write",
            "import com.google.cloud.spring.pubsub.support.BasicAcknowledgeablePubsubMessage;",
            "BasicAcknowledgeablePubsubMessage message", "message.ack(); return key;",
            "return message.getProjectSubscriptionName() + key;"),
        row("couchbase", Category.DB_QUERY, "write", "import com.couchbase.client.java.Collection;",
            "Collection docs", "docs.upsert(key, \"v\"); return key;", "return docs.name();"),
        row("dynamodb", Category.DB_QUERY, "read",
            "import software.amazon.awssdk.services.dynamodb.DynamoDbClient;"
                + " import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;",
            "DynamoDbClient dynamo",
            "return dynamo.getItem(GetItemRequest.builder().tableName(key).build()).toString();",
            "return DynamoDbClient.builder().toString();"),
        // AWS SDK v1: a trial's S3 reads and writes were missed, the SDK being known only as v2
        row("dynamodb v1 mapper", Category.DB_QUERY, "read",
            "import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;", "DynamoDBMapper mapper",
            "return String.valueOf(mapper.load(String.class, key));", "return mapper.toString();"),
        row("aws-sdk-v1 s3", Category.API_CALL, "write", "import com.amazonaws.services.s3.AmazonS3;", "AmazonS3 s3",
            "s3.putObject(\"bucket\", key, \"body\"); return key;",
            "return s3.generatePresignedUrl(\"bucket\", key, null).toString();"),
        row("aws-sdk-v1 sqs", Category.API_CALL, "unknown", "import com.amazonaws.services.sqs.AmazonSQS;", "AmazonSQS sqs",
            "return sqs.sendMessage(key, \"body\").toString();", "sqs.shutdown(); return key;"),
        // Hibernate 3 to 5's criteria and named queries run where they are run, not where they are made (a trial's
        // Hibernate 4 DAOs)
        row("hibernate legacy criteria", Category.DB_QUERY, "read", "import org.hibernate.Criteria;", "Criteria criteria",
            "return String.valueOf(criteria.uniqueResult());", "criteria.setMaxResults(1); return key;"),
        row("hibernate legacy query", Category.DB_QUERY, "write", "import org.hibernate.Query;", "Query query",
            "return String.valueOf(query.executeUpdate());", "return String.valueOf(query.setParameter(\"k\", key));"),
        row("airlift httpclient", Category.API_CALL, "unknown", "import io.airlift.http.client.HttpClient;",
            "HttpClient http", "return String.valueOf(http.execute(null, null));", "http.close(); return key;"),
        // a trial's checkouts reached a transport in JGit's bytecode and were reported as remote calls
        row("jgit", Category.API_CALL, "unknown", "import org.eclipse.jgit.api.PullCommand;", "PullCommand pull",
            "pull.call(); return key;", "pull.setRemote(key); return key;"),
        row("mybatis-plus service", Category.DB_QUERY, "read",
            "import com.baomidou.mybatisplus.extension.service.IService;", "IService<String> service",
            "return service.getById(key);", "return String.valueOf(service.getBaseMapper());"),
        row("jdbi 3 handle", Category.DB_QUERY, "read", "import org.jdbi.v3.core.Handle;", "Handle handle",
            "return handle.createQuery(\"SELECT name FROM people WHERE id = :id\").bind(\"id\", key)"
                + ".mapTo(String.class).one();", "return String.valueOf(handle.isClosed());"),
        row("jdbi 2 handle", Category.DB_QUERY, "write", "import org.skife.jdbi.v2.Handle;", "Handle handle",
            "handle.execute(\"DELETE FROM people WHERE id = ?\", key); return key;",
            "return String.valueOf(handle.isInTransaction());"),
        row("dynamodb enhanced", Category.DB_QUERY, "write",
            "import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;", "DynamoDbTable<String> table",
            "table.putItem(key); return key;", "return table.tableName();"),
        row("r2dbc", Category.DB_QUERY, "read", "import org.springframework.r2dbc.core.DatabaseClient;",
            "DatabaseClient db", "return String.valueOf(db.sql(\"SELECT name FROM people\").fetch().first().block());",
            "return db.toString();"),
        row("google-bigquery", Category.DB_QUERY, "read", "import com.google.cloud.bigquery.BigQuery;"
                + " import com.google.cloud.bigquery.QueryJobConfiguration;", "BigQuery bq",
            "return bq.query(QueryJobConfiguration.of(key)).toString();", "return bq.getOptions().toString();"),
        row("azure-cosmos", Category.DB_QUERY, "read", "import com.azure.cosmos.CosmosContainer;"
                + " import com.azure.cosmos.models.PartitionKey;", "CosmosContainer container",
            "return container.readItem(key, new PartitionKey(key), String.class).getItem();",
            "return container.getId();"),
        row("kafka-producer", Category.API_CALL, "write", "import org.springframework.kafka.core.KafkaTemplate;",
            "KafkaTemplate<String, String> kafka", "kafka.send(\"orders\", key); return key;",
            "return kafka.getDefaultTopic();"),
        row("rabbitmq", Category.API_CALL, "write", "import org.springframework.amqp.rabbit.core.RabbitTemplate;",
            "RabbitTemplate rabbit", "rabbit.convertAndSend(\"orders\", key); return key;",
            "return rabbit.getExchange();"),
        // a blind trial's Dropwizard application declared its queues and acknowledged its deliveries on a Channel
        row("rabbitmq channel", Category.API_CALL, "write", "import com.rabbitmq.client.Channel;", "Channel channel",
            "channel.queueDeclare(key, true, false, false, null); return key;",
            "return String.valueOf(channel.getChannelNumber());"),
        row("elasticsearch async", Category.DB_QUERY, "write", "import org.elasticsearch.client.RestHighLevelClient;"
                + " import org.elasticsearch.client.RequestOptions;", "RestHighLevelClient es",
            "es.indexAsync(null, RequestOptions.DEFAULT, null); return key;", "return String.valueOf(es.getLowLevelClient());"),
        row("jms", Category.API_CALL, "read", "import org.springframework.jms.core.JmsTemplate;", "JmsTemplate jms",
            "return String.valueOf(jms.receiveAndConvert(key));", "return jms.getDefaultDestinationName();"),
        row("jaxrs-invocation", Category.API_CALL, "read", "import jakarta.ws.rs.client.Invocation;",
            "Invocation.Builder request", "return request.get(String.class);", "return request.toString();"),
        // a chain two families stand for (WebTarget's request(), the Invocation.Builder's post()): one finding
        row("jaxrs chain", Category.API_CALL, "unknown", "import jakarta.ws.rs.client.WebTarget;"
                + " import jakarta.ws.rs.client.Entity;", "WebTarget target",
            "return String.valueOf(target.path(\"people\").request().post(Entity.json(key)));",
            "return target.path(\"people\").getUri().toString() + key;"),
        row("vertx-web-client", Category.API_CALL, "unknown", "import io.vertx.ext.web.client.HttpRequest;"
                + " import io.vertx.core.buffer.Buffer;", "HttpRequest<Buffer> request",
            "return String.valueOf(request.send());", "return String.valueOf(request.putHeader(\"a\", key));"),
        // a blind trial's Vert.x wiki sent its request through the RxJava 2 face: found only through the bytecode, no URL
        row("vertx-web-client", Category.API_CALL, "unknown", "import io.vertx.reactivex.ext.web.client.HttpRequest;"
                + " import io.vertx.reactivex.core.buffer.Buffer;", "HttpRequest<Buffer> request",
            "return String.valueOf(request.rxSendJsonObject(null));",
            "return String.valueOf(request.putHeader(\"a\", key));"),
        row("vertx-http-client", Category.API_CALL, "read", "import io.vertx.core.http.HttpClient;",
            "HttpClient http", "http.getNow(\"/prices/\" + key, response -> { }); return key;",
            "return String.valueOf(http.isMetricsEnabled()) + key;"),
        // Vert.x 3's get(uri, handler) makes the request; its end() sends it, and a request never ended is none
        row("vertx-http-request", Category.API_CALL, "unknown", "import io.vertx.core.http.HttpClientRequest;",
            "HttpClientRequest request", "request.putHeader(\"a\", key); request.end(); return key;",
            "request.putHeader(\"a\", key); return key;"),
        row("vertx-sql", Category.DB_QUERY, "read", "import io.vertx.ext.sql.SQLConnection;"
                + " import io.vertx.core.json.JsonArray;", "SQLConnection connection",
            "connection.queryWithParams(\"SELECT name FROM people WHERE id = ?\", new JsonArray().add(key), r -> { });"
                + " return key;",
            "connection.close(); return key;"),
        row("vertx-sql-client chain", Category.DB_QUERY, "read", "import io.vertx.sqlclient.Pool;"
                + " import io.vertx.sqlclient.Tuple;", "Pool pool",
            "return String.valueOf(pool.preparedQuery(\"SELECT name FROM people WHERE id = $1\").execute(Tuple.of(key)));",
            "pool.close(); return key;"),
        row("vertx-redis", Category.DB_QUERY, "read", "import io.vertx.redis.RedisClient;", "RedisClient redis",
            "redis.get(key, r -> { }); return key;", "redis.close(r -> { }); return key;"),
        row("vertx-mongo", Category.DB_QUERY, "write", "import io.vertx.ext.mongo.MongoClient;"
                + " import io.vertx.core.json.JsonObject;", "MongoClient mongo",
            "mongo.save(\"stores\", new JsonObject().put(\"name\", key), r -> { }); return key;",
            "mongo.close(); return key;"),
        row("micronaut-http-client", Category.API_CALL, "unknown",
            "import io.micronaut.http.client.BlockingHttpClient;", "BlockingHttpClient http",
            "return http.retrieve(\"/people/\" + key);", "http.close(); return key;"),
        row("google-cloud-storage", Category.API_CALL, "read", "import com.google.cloud.storage.Storage;"
                + " import com.google.cloud.storage.BlobId;", "Storage storage",
            "return new String(storage.readAllBytes(BlobId.of(\"bucket\", key)));",
            "return storage.getOptions().toString();"),
        row("google-firestore", Category.API_CALL, "read", "import com.google.cloud.firestore.DocumentReference;",
            "DocumentReference doc", "return String.valueOf(doc.get());", "return doc.getPath();"),
        row("google-pubsub", Category.API_CALL, "write", "import com.google.cloud.pubsub.v1.Publisher;"
                + " import com.google.pubsub.v1.PubsubMessage;", "Publisher publisher",
            "return String.valueOf(publisher.publish(PubsubMessage.newBuilder().build()));",
            "return publisher.getTopicNameString();"),
        row("azure-blob", Category.API_CALL, "read", "import com.azure.storage.blob.BlobClient;", "BlobClient blob",
            "return blob.downloadContent().toString();", "return blob.getBlobName();"),
        row("firebase-messaging", Category.API_CALL, "write", "import com.google.firebase.messaging.FirebaseMessaging;"
                + " import com.google.firebase.messaging.Message;", "FirebaseMessaging messaging",
            "return messaging.send(Message.builder().setTopic(key).build());", "return messaging.toString();"),
        row("sendgrid", Category.API_CALL, "write", "import com.sendgrid.SendGrid; import com.sendgrid.Request;",
            "SendGrid sendGrid", "return String.valueOf(sendGrid.api(new Request()));",
            "return String.valueOf(sendGrid.getHost());"),
        // a blind trial's Spring Boot application sent its mail through JavaMailSender, which the bytecode cannot follow
        row("jakarta-mail", Category.API_CALL, "write", "import jakarta.mail.Transport; import jakarta.mail.Message;",
            "Message message", "Transport.send(message); return key;", "return message.toString() + key;"),
        // a blind trial's forum: the SMTP login was unseen, and a POP3 folder's getMessages(), which sends nothing, was
        // reported from the bytecode
        row("jakarta-mail connect", Category.API_CALL, "write", "import javax.mail.Transport;", "Transport transport",
            "transport.connect(\"smtp.example.com\", \"u\", key); return key;",
            "return transport.getURLName().toString() + key;"),
        row("jakarta-mail-store", Category.API_CALL, "write", "import javax.mail.Folder;", "Folder inbox",
            "inbox.open(Folder.READ_ONLY); return key;", "return String.valueOf(inbox.getMessages().length) + key;"),
        row("spring-mail", Category.API_CALL, "write", "import org.springframework.mail.javamail.JavaMailSender;"
                + " import org.springframework.mail.SimpleMailMessage;", "JavaMailSender mail",
            "mail.send(new SimpleMailMessage()); return key;", "return String.valueOf(mail.createMimeMessage());"),
        row("commons-email", Category.API_CALL, "write", "import org.apache.commons.mail.SimpleEmail;",
            "SimpleEmail email", "return email.send();", "email.setSubject(key); return key;"),
        row("sendgrid 2", Category.API_CALL, "write", "import com.sendgrid.SendGrid;", "SendGrid sendGrid",
            "return String.valueOf(sendGrid.send(new SendGrid.Email()));", "return String.valueOf(sendGrid.getVersion());"),
        row("twilio", Category.API_CALL, "write", "import com.twilio.base.Creator;", "Creator<String> creator",
            "return creator.create();", "return creator.toString();"),
        row("spring-oauth2-rest-template", Category.API_CALL, "read",
            "import org.springframework.security.oauth2.client.OAuth2RestTemplate;", "OAuth2RestTemplate rest",
            "return rest.getForObject(\"https://api.example.com/people/\" + key, String.class);",
            "return rest.getAccessToken().toString();"),
        row("helidon-webclient", Category.API_CALL, "unknown", "import io.helidon.webclient.api.HttpClientRequest;",
            "HttpClientRequest request", "return String.valueOf(request.request());",
            "return String.valueOf(request.header(null));"),
        row("aws-sdk-http", Category.API_CALL, "unknown", "import software.amazon.awssdk.http.SdkHttpClient;"
                + " import software.amazon.awssdk.http.HttpExecuteRequest;", "SdkHttpClient http",
            "return String.valueOf(http.prepareRequest(HttpExecuteRequest.builder().build()).call());",
            "return http.clientName();"),
        row("spring-data elasticsearch repository", Category.DB_QUERY, "read",
            "import org.springframework.data.elasticsearch.repository.ElasticsearchRepository;", "Products products",
            "return String.valueOf(products.findById(key));", "return key;"),
        // one statement, one finding: a fluent chain is reported once, however many catalogue methods it calls
        row("jooq chain", Category.DB_QUERY, "read", "import org.jooq.DSLContext;", "DSLContext db",
            "return String.valueOf(db.select().from(\"people\").where(\"name = ?\", key).fetchOne());",
            "return db.dialect().name() + key;"),
        row("spring-ai chain", Category.API_CALL, "read", "import org.springframework.ai.chat.client.ChatClient;",
            "ChatClient chat", "return chat.prompt().user(key).call().content();", "return chat.toString() + key;"),
        row("quarkus grpc mutiny stub", Category.API_CALL, "unknown", "import io.grpc.examples.MutinyGreeterGrpc;",
            "MutinyGreeterGrpc.MutinyGreeterStub stub",
            "return String.valueOf(stub.sayHello(key).await().indefinitely());",
            "return String.valueOf(stub.withDeadlineAfter(1, java.util.concurrent.TimeUnit.SECONDS));"),
        row("hibernate reactive session", Category.DB_QUERY, "read", "import org.hibernate.reactive.mutiny.Mutiny;",
            "Mutiny.Session session", "return session.find(String.class, key).await().indefinitely();",
            "return session.toString() + key;"));
  }

  private static String source(String imports, String field, String body) {
    return """
        package shop;
        %s
        import java.util.List;
        public class Use {
          private final %s;
          public Use(%s) { this.%s = %s; }
          public String call(String key) {
            %s
          }
        }
        """.formatted(imports, field, field, name(field), name(field), body);
  }

  private static String name(String field) {
    return field.substring(field.lastIndexOf(' ') + 1);
  }

  private ProjectFixture fixture(String family, String imports) {
    ProjectFixture fixture = new ProjectFixture(dir);
    if (family.equals("jaxrs chain")) {
      // the API as the solver reads it, so that request()'s answer is known to be an Invocation.Builder
      fixture.java("""
          package jakarta.ws.rs.client;
          public interface WebTarget {
            WebTarget path(String path);
            Invocation.Builder request();
            java.net.URI getUri();
          }
          """).java("""
          package jakarta.ws.rs.client;
          public interface Invocation {
            interface Builder {
              Object post(Entity<?> entity);
              <T> T get(Class<T> type);
            }
          }
          """).java("""
          package jakarta.ws.rs.client;
          public final class Entity<T> {
            public static <T> Entity<T> json(T value) { return null; }
          }
          """);
    }
    if (family.contains("repository")) {
      fixture.java("""
          package shop;
          %s
          public interface Products extends ElasticsearchRepository<Product, String> {}
          """.formatted(imports)).java("package shop;\npublic class Product { String id; }\n");
    }
    return fixture;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void aCallOfTheLibraryIsOneFindingAndBuildingOrConfiguringItIsNone(String family, Category category, String access,
      String imports, String field, String positive, String negative) {
    List<Finding> found = fixture(family, imports).java(source(imports, field, positive)).findings(category);
    assertEquals(1, found.size(), family + ": " + found);
    if (!"unknown".equals(access)) {
      assertEquals(access, found.get(0).details().get("access"), family + ": " + found.get(0));
    }
    List<Finding> none = new ProjectFixture(dir.resolve("negative")).java(source(imports, field, negative))
        .findings(category);
    assertEquals(List.of(), none, family);
  }
}
