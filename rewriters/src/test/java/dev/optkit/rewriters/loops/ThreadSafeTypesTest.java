package dev.optkit.rewriters.loops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import org.junit.jupiter.api.Test;

/** An AWS SDK v2 service client is taken for thread-safe by the type its name resolves to, never by its name alone. */
class ThreadSafeTypesTest {
  private static ClassOrInterfaceDeclaration use(String imports) {
    CompilationUnit unit = StaticJavaParser.parse("package shop;\n" + imports + "\nclass Downloads {}\n");
    return unit.findFirst(ClassOrInterfaceDeclaration.class).orElseThrow();
  }

  @Test
  void aServiceClientImportedFromTheSdkOrWrittenQualifiedIsThreadSafe() {
    assertTrue(ThreadSafeTypes.is(use("import software.amazon.awssdk.services.s3.S3Client;"), "S3Client"));
    assertTrue(ThreadSafeTypes.is(use("import software.amazon.awssdk.services.dynamodb.DynamoDbClient;"), "DynamoDbClient"));
    assertTrue(ThreadSafeTypes.is(use(""), "software.amazon.awssdk.services.sqs.SqsClient"));
  }

  @Test
  void theSameNameFromElsewhereOrUnresolvedIsNot() {
    assertFalse(ThreadSafeTypes.is(use("import com.acme.storage.S3Client;"), "S3Client"));
    assertFalse(ThreadSafeTypes.is(use(""), "S3Client")); // a class of the project's own package
    assertFalse(ThreadSafeTypes.is(use("import software.amazon.awssdk.services.s3.*;"), "S3Client"));
    // a model class of the SDK, a builder, and a client of a package deeper down are no service clients
    assertFalse(ThreadSafeTypes.is(use("import software.amazon.awssdk.services.s3.model.S3Object;"), "S3Object"));
    assertFalse(ThreadSafeTypes.is(use(""), "software.amazon.awssdk.services.s3.S3ClientBuilder"));
    assertFalse(ThreadSafeTypes.is(use(""), "software.amazon.awssdk.services.s3.model.Client"));
  }
}
