package dev.optkit.analyzers.schema;

import dev.optkit.analyzers.source.SourceSet;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the project's schema files say, read from the files alone: MyBatis mappers, views, triggers and cascades (the
 * code's own statements added later, {@link SchemaWriteEffects.FilesRead#with}), orm.xml mappings, stored procedures,
 * tables and indexes, whether the application runs on PostgreSQL, and the scripts a test may run from the classpath. Needing no fact of the code, a run reads them
 * beside the parse.
 */
public record ProjectSchema(MyBatisXmlMappers mappers, SchemaViews views, SchemaWriteEffects.FilesRead writeEffects,
    OrmXmlMappings ormMappings, StoredProcedures procedures, SchemaIndexes indexes, boolean postgresql,
    ClasspathScripts classpathScripts) {

  public static ProjectSchema read(SourceSet sources, List<Path> roots) {
    // a test's schema is not the database the application calls (hostile review 33's q6)
    List<Path> productionScripts = sources.sqlFiles().stream()
        .filter(script -> productionScript(script.toString().replace('\\', '/'))).toList();
    // a foreign key's index is PostgreSQL's question: MySQL, MariaDB and H2 make one by themselves, so where the
    // project is not known to run on PostgreSQL its foreign keys count as indexed (a hint missed, never one wrong)
    boolean postgresql = roots.stream().anyMatch(ConfiguredDatabases::runsOnPostgresql);
    // Liquibase changelogs among the production XML, YAML and JSON files (each says whether it is one)
    List<Path> changelogs = Stream.concat(sources.xmlFiles().stream(), sources.yamlAndJsonFiles().stream())
        .filter(file -> productionScript(file.toString().replace('\\', '/'))).toList();
    // on PostgreSQL, another database's folder of a {vendor} layout is not its schema: an index only H2's scripts
    // create is missing on production (a trial: H2's indexes hid PostgreSQL's missing ones)
    List<Path> postgresqlScripts = !postgresql ? productionScripts : productionScripts.stream()
        .filter(script -> !VendorFolders.underAnotherVendor(script)).toList();
    SchemaIndexes indexes = SchemaIndexes.read(postgresqlScripts, changelogs, script -> SourceSet.shown(roots, script));
    return new ProjectSchema(MyBatisXmlMappers.read(sources.xmlFiles()), SchemaViews.read(sources.sqlFiles()),
        SchemaWriteEffects.readFiles(sources.sqlFiles(),
            Stream.concat(sources.xmlFiles().stream(), sources.yamlAndJsonFiles().stream()).toList()),
        OrmXmlMappings.read(sources.xmlFiles()), StoredProcedures.read(productionScripts),
        postgresql ? indexes : indexes.withForeignKeyIndexes(), postgresql, ClasspathScripts.read(sources.sqlFiles(),
            sources.xmlFiles().stream().filter(file -> file.getFileName().toString().equals("pom.xml")).toList()));
  }

  /**
   * A script of the application's own database: not one in a test, integration-test or other non-main source set
   * ({@code src/it/resources/schema.sql}: hostile review 34's q18).
   */
  private static boolean productionScript(String path) {
    return !SourceSet.isTestPath(path) && !(path.contains("/src/") && !path.contains("/src/main/"));
  }
}
