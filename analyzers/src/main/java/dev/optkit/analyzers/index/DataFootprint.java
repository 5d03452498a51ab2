package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.sites.SqlStatements;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.schema.OrmXmlMappings;
import dev.optkit.analyzers.schema.SchemaViews;
import dev.optkit.analyzers.schema.SchemaWriteEffects;
import dev.optkit.analyzers.schema.TableNames;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * What data one I/O site reads or writes, by name: the tables its SQL names (parsed with
 * JSqlParser: joins, comma joins, subqueries, CTEs; JPQL entity names mapped to their tables), the
 * table of the entity a Spring Data repository stores, or the remote resource a URL template
 * names, with every table its associations reach ({@link EntityTables}; for a save or delete, the join
 * tables it owns and the tables its cascades reach); a view the project's SQL
 * scripts create stands for every table behind it, and a write to a table they put a trigger on
 * writes data that cannot be told. When the data cannot be told (SQL built at run time, an
 * EntityManager write of any entity, an entity spread over tables or mapped with SQL of its own, a
 * URL unknown), the footprint says so: an unknown
 * footprint overlaps every footprint of the same kind, so such a write must evict every cache
 * reading that kind of data, and such a read is cached only when every writer of its kind evicts.
 *
 * @param names normalised data names: {@code table:owners}, {@code url:/owners/*}
 * @param unknown the site may touch data beyond {@code names}
 */
public record DataFootprint(ClientKind kind, Set<String> names, boolean unknown) {
  /** Spring Data's own deletes ({@code CrudRepository}'s and {@code JpaRepository}'s), which answer nothing. */
  public static final Set<String> REPOSITORY_DELETES = Set.of("delete", "deleteAll", "deleteById", "deleteAllById",
      "deleteInBatch", "deleteAllInBatch", "deleteAllByIdInBatch");

  /** Names in sorted order: messages list them, and Set.copyOf's order changes from run to run. */
  public DataFootprint {
    names = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names));
  }

  /** Whether this is the footprint of a cache store's client (Redis, Memcached), which touches no table. */
  private boolean storeOnly() {
    return !unknown && !names.isEmpty() && names.stream().allMatch(n -> n.startsWith("store:"));
  }

  private boolean namesAStore() {
    return names.stream().anyMatch(n -> n.startsWith("store:"));
  }

  /** Whether a write with footprint {@code write} may change what a read with this footprint returns. */
  public boolean overlaps(DataFootprint write) {
    if (kind != write.kind) {
      return false;
    }
    if (storeOnly() && !write.namesAStore() || write.storeOnly() && !namesAStore()) {
      // a cache store (Redis, Memcached) and the tables: a write to one never changes a read of the other,
      // even when which tables the other touches cannot be told
      return false;
    }
    if (unknown || write.unknown) {
      return true;
    }
    for (String read : names) {
      for (String written : write.names) {
        if (read.equals(written) || read.startsWith("url:") && written.startsWith("url:")
            && UrlResources.overlap(read, UrlResources.writtenResource(written))) {
          return true;
        }
      }
    }
    return false;
  }


  /**
   * Whether this read of a remote service may be answered by an application of the scanned project
   * itself: its service is unknown, a declared client's, or a host that is no public name (a compose
   * service {@code stats-server}, {@code localhost}, an IP address); {@code api.example.com} is not.
   */
  public boolean mayBeServedByTheProject() {
    if (kind != ClientKind.API) {
      return false;
    }
    if (unknown || names.isEmpty()) {
      return true;
    }
    for (String name : names) {
      String service = name.startsWith("url:") ? UrlResources.service(name) : "";
      String host = service.isEmpty() || service.startsWith("//client:") ? ""
          : service.substring(2).replaceFirst(":[0-9]*$", "");
      if (host.isEmpty() || !host.contains(".") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
        return true;
      }
    }
    return false;
  }



  /** What a request handler that writes a resource changes: the resource its mapping names. */
  public static DataFootprint servedResource(String path) {
    return new DataFootprint(ClientKind.API, Set.of("url:" + UrlResources.resourcePath(path)), false);
  }

  /**
   * The database writes of all of these: every name any of them gives, unknown when one is; none written when the list
   * is empty. Each must be a database's.
   */
  public static DataFootprint union(List<DataFootprint> parts) {
    Set<String> names = new java.util.TreeSet<>();
    boolean unknown = false;
    for (DataFootprint part : parts) {
      names.addAll(part.names());
      unknown |= part.unknown();
    }
    return new DataFootprint(ClientKind.DB, Set.copyOf(names), unknown);
  }

  /** A database write optkit cannot name: it overlaps every database read. */
  public static DataFootprint unknownDatabase() {
    return new DataFootprint(ClientKind.DB, Set.of(), true);
  }

  /** Reads footprints of sites against the project's entity mappings. */
  public static final class Reader {
    private final ProjectIndex index;
    private final Map<String, String> entityTables = new HashMap<>();
    private final Map<QueryText, DataFootprint> sql = new HashMap<>();

    /** A query's text and the language it is read in. */
    private record QueryText(String text, SqlAsRun.Language language) {}
    private final EntityTables associatedTables;

    public Reader(ProjectIndex index) {
      this.index = index;
      this.associatedTables = new EntityTables(index, this::tableOfStored);
      for (var file : index.files()) {
        for (TypeFact type : file.types()) {
          if (isEntity(type)) {
            entityTables.put(type.qualifiedName(), tableOf(type));
          }
          if (type.superTypes().stream().anyMatch(NAMING_STRATEGIES::contains)) {
            customNaming = true;
          }
        }
        // @Bean NamingStrategy naming() { return new NamingStrategy() {...}; }
        if (file.methods().stream().anyMatch(m -> NAMING_STRATEGIES.contains(m.returnType()))) {
          customNaming = true;
        }
      }
      // entities mapped in orm.xml: the XML's table wins over the annotation's, as in JPA
      for (OrmXmlMappings.Entity entity : index.ormXml().entities()) {
        entityTables.put(entity.className(), normalise(entity.table()));
      }
    }

    /** Project classes that rename tables: with one of them, a default table name says nothing. */
    private static final Set<String> NAMING_STRATEGIES = Set.of(
        "org.springframework.data.relational.core.mapping.NamingStrategy",
        "org.hibernate.boot.model.naming.PhysicalNamingStrategy",
        "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
        "org.springframework.boot.orm.jpa.hibernate.SpringPhysicalNamingStrategy",
        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    private boolean customNaming;

    /** Whether tables and columns are named by a default strategy: no naming strategy of the project's own. */
    public boolean namesByDefault() {
      return !customNaming;
    }

    /**
     * The JPA entity JPQL names so, for a query rewritten as the SQL it runs: as {@link #storedNamed}, a JPA entity
     * whose mapping is all in its annotations (not one orm.xml maps, whose columns optkit does not read).
     */
    public java.util.Optional<TypeFact> entityNamed(String jpqlName) {
      return storedNamed(jpqlName) instanceof StoredName.Named named && named.type().hasAnnotation("Entity")
          && index.ormXml().entity(named.type().qualifiedName()).isEmpty()
          ? java.util.Optional.of(named.type()) : java.util.Optional.empty();
    }

    /** What a name a query's text gives to what it reads or writes means among the project's stored types. */
    sealed interface StoredName {
      /** The type stored under that name. */
      record Named(TypeFact type) implements StoredName {}

      /** Two types take the name, or a type's name is not a literal this file holds: it cannot be told which. */
      record Ambiguous() implements StoredName {}

      /** No stored type: a table's name. */
      record None() implements StoredName {}
    }

    /**
     * The one reader of a name in a query (JPQL's entity or SQL's table): a JPA entity by the name JPQL gives it (its
     * {@code @Entity(name)}, else its simple name; an entity orm.xml maps by its simple name), else a Spring Data JDBC
     * or MongoDB aggregate by its simple name. Two entities taking one name (one renamed to another's simple name, two
     * classes of one name in two packages), or an entity whose {@code @Entity(name)} is not a literal, make the name
     * {@link StoredName.Ambiguous}: never the last one read.
     */
    StoredName storedNamed(String name) {
      Names names = storedNames;
      if (names == null) {
        names = storedNames = Names.of(index);
      }
      if (names.jpaAmbiguous().contains(name)) {
        return new StoredName.Ambiguous();
      }
      if (names.jpa().containsKey(name)) {
        return new StoredName.Named(names.jpa().get(name));
      }
      if (names.aggregatesAmbiguous().contains(name)) {
        return new StoredName.Ambiguous();
      }
      TypeFact type = names.aggregates().get(name);
      return type == null ? new StoredName.None() : new StoredName.Named(type);
    }

    private volatile Names storedNames;

    /**
     * What a name JPQL gives (not a path) means: a JPA entity by its JPQL name, none for a Spring Data JDBC or MongoDB
     * aggregate's; a qualified class name ({@code shop.Order}, as HQL takes one) the project's JPA entity of that
     * qualified name, else none (an interface or superclass Hibernate reads through every entity implementing it, a
     * library's class).
     */
    private StoredName jpqlNamed(String name) {
      if (name.indexOf('.') < 0) {
        StoredName named = storedNamed(name);
        return named instanceof StoredName.Named found && !jpa(found.type()) ? new StoredName.None() : named;
      }
      return index.type(name).filter(this::jpa).<StoredName>map(StoredName.Named::new)
          .orElseGet(StoredName.None::new);
    }

    /**
     * The name JPA gives an entity annotated {@code @Entity}: its {@code name}, else its simple name; empty where the
     * name is another file's constant. What JPQL and Spring Data's {@code #{#entityName}} name it by.
     */
    public static java.util.Optional<String> jpqlName(TypeFact entity) {
      String given = entity.annotationValue("Entity", "name");
      if (TypeFact.UNRESOLVED.equals(given)) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(given == null || given.isBlank() ? entity.simpleName() : given);
    }

    /** A JPA entity: by its annotation or orm.xml's mapping. */
    private boolean jpa(TypeFact type) {
      return type.hasAnnotation("Entity") || index.ormXml().entity(type.qualifiedName()).isPresent();
    }

    /**
     * The stored types by name: JPA's names first; an aggregate's simple name where no entity takes it. Each kind's
     * names are ambiguous apart: two MongoDB documents of one name leave a JPA entity of it what JPQL names.
     */
    private record Names(Map<String, TypeFact> jpa, Set<String> jpaAmbiguous, Map<String, TypeFact> aggregates,
        Set<String> aggregatesAmbiguous) {
      static Names of(ProjectIndex index) {
        Map<String, TypeFact> jpa = new HashMap<>();
        Map<String, TypeFact> aggregates = new HashMap<>();
        Set<String> jpaAmbiguous = new java.util.HashSet<>();
        Set<String> aggregatesAmbiguous = new java.util.HashSet<>();
        for (TypeFact type : index.types()) {
          if (type.hasAnnotation("Entity")) {
            java.util.Optional<String> given = jpqlName(type);
            if (given.isEmpty()) {
              jpaAmbiguous.add(type.simpleName()); // its name is another file's constant: maybe its simple name
              continue;
            }
            add(jpa, jpaAmbiguous, given.get(), type);
          } else if (isEntity(type)) {
            add(aggregates, aggregatesAmbiguous, type.simpleName(), type);
          }
        }
        for (OrmXmlMappings.Entity entity : index.ormXml().entities()) {
          index.type(entity.className()).filter(type -> !type.hasAnnotation("Entity"))
              .ifPresent(type -> add(jpa, jpaAmbiguous, type.simpleName(), type));
        }
        jpaAmbiguous.forEach(jpa::remove);
        aggregatesAmbiguous.forEach(aggregates::remove);
        return new Names(Map.copyOf(jpa), Set.copyOf(jpaAmbiguous), Map.copyOf(aggregates),
            Set.copyOf(aggregatesAmbiguous));
      }

      private static void add(Map<String, TypeFact> names, Set<String> ambiguous, String name, TypeFact type) {
        TypeFact before = names.putIfAbsent(name, type);
        if (before != null && !before.qualifiedName().equals(type.qualifiedName())) {
          ambiguous.add(name);
        }
      }
    }

    /**
     * The table an entity (or a Spring Data JDBC aggregate without annotations) is stored in, or null
     * when it cannot be told: a name from a constant in another file, or a default name while the
     * project has its own naming strategy.
     */
    private String tableOfStored(TypeFact type) {
      String table = entityTables.containsKey(type.qualifiedName()) ? entityTables.get(type.qualifiedName())
          : tableOf(type);
      boolean explicit = type.annotationValue("Table", "name") != null || type.annotationValue("Table", "value") != null;
      return customNaming && !explicit ? null : table;
    }

    /**
     * What the site reads or writes. A Spring Data save or delete of its entity ({@link #savesOrDeletes})
     * writes what {@link EntityTables#addWrittenTables} tells: its table, the join tables it owns and what its
     * cascades reach; any other site of a repository, the tables its entity's reading may touch.
     */
    public DataFootprint of(IoSite site) {
      return footprint(site, savesOrDeletes(site), null);
    }

    /**
     * What the entities a JPA call hands back may be written to when changed (dirty checking): the tables
     * reading them may touch, whatever the call itself writes.
     */
    public DataFootprint ofLoaded(IoSite site) {
      return footprint(site, false, null);
    }

    /**
     * The tables of the entity instances a JPA read puts in its persistence context: as {@link #ofLoaded}, but a lazy
     * association only where {@code lazyLoaded} says something may load it.
     */
    public DataFootprint ofInstancesLoaded(IoSite site,
        java.util.function.BiPredicate<TypeFact, TypeFact.Association> lazyLoaded) {
      return footprint(site, false, lazyLoaded);
    }

    /**
     * What the flush writes when a column of what a Spring Data derived query or built-in read loaded is set on the
     * loaded entity itself ({@code item.setQuantity(q)} on {@code findByUserAndProduct}'s cart item): its own row,
     * with the schema's update rules and triggers, not the tables its associations reach. Empty when the site is no
     * such read, the field is an association, an embedded object or no field of the entity, or its mapping reaches
     * beyond its columns (then {@link #ofLoaded} holds).
     */
    public java.util.Optional<DataFootprint> ofOwnColumnSet(IoSite site, String field) {
      String stored = site.sql() == null && site.access() == dev.optkit.analyzers.facts.Access.READ
          ? repositoryEntity(site) : null;
      TypeFact entity = stored == null ? null : index.type(stored).orElse(null);
      if (entity == null || !isEntity(entity) || index.hasSubtypes(entity.qualifiedName()) || index.beyondMapping(entity)
          || !entity.fieldTypes().containsKey(field) || associatedTables.associationFields(entity).contains(field)) {
        return java.util.Optional.empty();
      }
      if (entity.transientFields().contains(field)) {
        return java.util.Optional.of(new DataFootprint(ClientKind.DB, Set.of(), false)); // a @Transient field: no column
      }
      String type = entity.fieldTypes().get(field).replaceAll("<.*", "");
      Set<String> names = new TreeSet<>();
      // a collection of elements (@ElementCollection) has a table of its own
      boolean elements = type.startsWith("java.util.") && !type.startsWith("java.util.Date") && !type.equals("java.util.UUID")
          || type.endsWith("[]") && !type.equals("byte[]");
      return elements || !associatedTables.addOwnTables(entity, names) ? java.util.Optional.empty()
          : java.util.Optional.of(withWriteEffects(names, false, true));
    }

    /**
     * What a Spring Data save or delete writes, as a refusal says it ({@code its entity's table and the
     * tables its cascades reach}), or empty when the site is none or its entity is not the project's.
     */
    public java.util.Optional<String> writtenScope(IoSite site) {
      String stored = savesOrDeletes(site) ? repositoryEntity(site) : null;
      TypeFact entity = stored == null ? null : index.type(stored).orElse(null);
      if (entity == null) {
        return java.util.Optional.empty();
      }
      Set<String> mapped = new TreeSet<>();
      EntityTables.Written written = associatedTables.addWrittenTables(entity, mapped);
      boolean schemaActions = of(site).names().stream().anyMatch(n -> n.startsWith("table:") && !mapped.contains(n));
      return java.util.Optional.of(written.scope(schemaActions));
    }

    /**
     * Spring Data's own saves and deletes, and derived deletes ({@code deleteByName}): JPA's persist, merge
     * and remove of the repository's entities, which write along their cascades; batch deletes
     * ({@code deleteAllInBatch}) write the entity's table alone, a subset.
     */
    private static final Set<String> REPOSITORY_ENTITY_WRITES = java.util.stream.Stream.concat(
        Set.of("save", "saveAll", "saveAndFlush", "saveAllAndFlush").stream(), REPOSITORY_DELETES.stream())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private boolean savesOrDeletes(IoSite site) {
      return site.access() == dev.optkit.analyzers.facts.Access.WRITE && site.sql() == null
          && (REPOSITORY_ENTITY_WRITES.contains(site.method()) || site.method().matches("(delete|remove)(All)?By[A-Z].*"))
          && repositoryEntity(site) != null;
    }

    /** @param lazyLoaded for a read's instances, which lazy associations may be loaded; null: all the read may touch */
    private DataFootprint footprint(IoSite site, boolean savedOrDeleted,
        java.util.function.BiPredicate<TypeFact, TypeFact.Association> lazyLoaded) {
      if (index.isCacheStore(site)) {
        // Redis, Memcached: a store of its own, which no SQL table read depends on (reads of it are refused
        // as cached already, and a method reading it and a table meets its writes through this name)
        return new DataFootprint(ClientKind.DB, Set.of("store:" + site.clientId()), false);
      }
      if (site.kind() == ClientKind.API) {
        return site.url() == null ? new DataFootprint(ClientKind.API, Set.of(), true)
            : new DataFootprint(ClientKind.API,
                Set.of("url:" + serviceOf(site) + UrlResources.resourcePath(site.url())), false);
      }
      Set<String> names = new TreeSet<>();
      boolean unknown = false;
      String stored = repositoryEntity(site);
      // a MongoDB repository's query is a document over the repository's own collection, no SQL: what it touches is
      // that document's, as for a derived query (sqshq/piggymetrics' @Query("{ 'lastBackup' : ... }") was unknown)
      boolean mongoQuery = stored != null && index.type(stored)
          .map(t -> t.hasAnnotation("org.springframework.data.mongodb.core.mapping.Document")).orElse(false);
      QueryText query = site.sql() == null ? null : new QueryText(site.sql(), index.sqlAsRun().language(site));
      if (query != null && !mongoQuery) {
        DataFootprint parsed = sql.computeIfAbsent(query, this::parseSql);
        names.addAll(parsed.names());
        unknown = parsed.unknown();
      }
      boolean ownRowOnly = false; // a save that writes its entity's own table alone: no join table, no cascade
      if (stored != null) {
        TypeFact entity = index.type(stored).orElse(null);
        // a repository method Spring Data runs as a named query reads what the query's text joins, which is not here
        unknown |= site.sql() == null && index.namedQueries().runBy(stored, site.method());
        // a query annotation whose text optkit cannot read (@Query(Queries.BY_SKU), a part another file's): not a
        // derived query's table
        unknown |= site.sql() == null && declaresUnreadQuery(site);
        if (entity == null) {
          names.add("table:" + normalise(simple(stored)));
          unknown = true;
        } else if (savedOrDeleted) {
          EntityTables.Written written = associatedTables.addWrittenTables(entity, names);
          unknown |= !written.known();
          ownRowOnly = !written.joinTables() && !written.joinColumns() && !written.cascades() && !written.deletedWith();
        } else if (query != null && entity.qualifiedName().equals(columnsOnly.computeIfAbsent(query,
            this::entityReadForColumnsOnly))) {
          unknown |= !associatedTables.addOwnTables(entity, names); // @Query("SELECT o.ownerId FROM Order o ..."): no entity loaded
        } else {
          unknown |= lazyLoaded == null ? !associatedTables.addTables(entity, names)
              : !associatedTables.addLoadedTables(entity, names, lazyLoaded);
        }
      } else if (site.sql() == null) {
        unknown = true; // a derived query or EntityManager call on an unknown entity, SQL built at run time
      }
      if (site.access() != dev.optkit.analyzers.facts.Access.READ) {
        // a Spring Data save of its own row inserts or updates columns: the schema's delete rules do not fire for
        // it (an orphan removed, a join table's rows replaced, would be deletes: those saves keep every rule)
        boolean saveOnly = ownRowOnly && site.sql() == null && site.method().startsWith("save");
        return withWriteEffects(names, unknown, saveOnly);
      }
      return new DataFootprint(ClientKind.DB, Set.copyOf(names), unknown);
    }

    /** What a SQL script run as a write changes ({@code @Sql(statements = ...)} in a test): parsed like a call's SQL. */
    public DataFootprint ofWrittenScript(String script) {
      // a class's script is asked for by each of its tests: read once
      DataFootprint known = writtenScripts.get(script);
      if (known == null) {
        known = writtenScript(script);
        writtenScripts.put(script, known);
      }
      return known;
    }

    private final Map<String, DataFootprint> writtenScripts = new HashMap<>();

    private DataFootprint writtenScript(String script) {
      if (SchemaWriteEffects.createsCode(script) || dev.optkit.analyzers.schema.StoredProcedures.runsCode(script)) {
        // a trigger the script creates fires on its own later writes; a procedure or a function it calls may write
        // anything
        return DataFootprint.unknownDatabase();
      }
      DataFootprint parsed = sql.computeIfAbsent(new QueryText(script, SqlAsRun.Language.SQL), this::parseSql);
      return withWriteEffects(new TreeSet<>(parsed.names()), parsed.unknown(), false);
    }

    /**
     * A write to a table with a trigger also writes whatever the trigger's body writes; one referenced
     * by a foreign key with ON DELETE/UPDATE CASCADE or SET NULL/DEFAULT also writes the referencing tables.
     */
    private DataFootprint withWriteEffects(Set<String> names, boolean unknown, boolean saveOnly) {
      for (String name : List.copyOf(names)) {
        if (!name.startsWith("table:")) {
          continue;
        }
        String bare = name.substring("table:".length());
        Set<String> written = new TreeSet<>(saveOnly ? index.schemaWriteEffects().cascadesFromUpdates(bare)
            : index.schemaWriteEffects().cascadesFrom(bare));
        written.add(name.substring("table:".length()));
        for (String table : written) {
          names.add("table:" + table);
          if (index.schemaWriteEffects().fires(table)) {
            names.add("trigger:" + table);
            unknown = true;
          }
        }
      }
      return new DataFootprint(ClientKind.DB, Set.copyOf(names), unknown);
    }

    /**
     * The service a request goes to: {@code //host:port} of an absolute URL, {@code //client:Type} for a
     * declared client (a Feign or HTTP interface, whose methods all reach one service), else "".
     */
    private String serviceOf(IoSite site) {
      java.util.regex.Matcher absolute = ABSOLUTE.matcher(site.url());
      if (absolute.find()) {
        return "//" + absolute.group(1).toLowerCase(Locale.ROOT);
      }
      if (site.receiverType() != null && index.declaredClient(site.receiverType()).isPresent()) {
        return "//client:" + site.receiverType();
      }
      return "";
    }

    /** The host and port of an absolute URL, without a placeholder in them. */
    private static final java.util.regex.Pattern ABSOLUTE =
        java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/{}$*?#]+)(?:[/?#]|$)");

    /** The {@code table:} name an entity is stored in, as footprints name it; empty when it cannot be told. */
    public java.util.Optional<String> tableName(TypeFact entity) {
      return java.util.Optional.ofNullable(tableOfStored(entity)).map(table -> "table:" + table);
    }

    /** The entity a Spring Data style repository site stores, qualified; empty when it cannot be told. */
    public java.util.Optional<String> storedEntity(IoSite site) {
      return java.util.Optional.ofNullable(repositoryEntity(site));
    }

    /**
     * The interfaces whose first type argument is the type a repository stores: Spring Data's, Micronaut Data's and
     * Quarkus Panache's.
     */
    private static final Set<String> REPOSITORY_ROOTS = Set.of("org.springframework.data.repository.Repository",
        "org.springframework.data.repository.CrudRepository", "org.springframework.data.repository.ListCrudRepository",
        "org.springframework.data.repository.PagingAndSortingRepository",
        "org.springframework.data.repository.ListPagingAndSortingRepository",
        "org.springframework.data.jpa.repository.JpaRepository",
        "org.springframework.data.repository.query.QueryByExampleExecutor",
        "org.springframework.data.jpa.repository.JpaSpecificationExecutor",
        "org.springframework.data.repository.reactive.ReactiveCrudRepository",
        "org.springframework.data.repository.reactive.ReactiveSortingRepository",
        "org.springframework.data.mongodb.repository.MongoRepository",
        "org.springframework.data.jdbc.repository.JdbcRepository",
        "io.micronaut.data.repository.GenericRepository", "io.micronaut.data.repository.CrudRepository",
        "io.micronaut.data.repository.PageableRepository", "io.micronaut.data.jpa.repository.JpaRepository",
        "io.quarkus.hibernate.orm.panache.PanacheRepository", "io.quarkus.hibernate.orm.panache.PanacheRepositoryBase");

    /**
     * The entity a Spring Data style repository stores: what the first type argument of a repository interface
     * ({@link #REPOSITORY_ROOTS}) stands for, followed through the project's generic interfaces between ({@code
     * OrderLineRepository extends ChildRepository<Order, OrderLine>}, {@code ChildRepository<P, C> extends
     * LiveRepository<C>}: OrderLine), never a fragment's ({@code ByParent<Order>}); null where the chain gives none or
     * two. Where no such interface is in the chain (another framework's), the first type argument of the first
     * generic supertype, as before.
     */
    private String repositoryEntity(IoSite site) {
      if (site.receiverType() == null) {
        return null;
      }
      Set<String> stored = new java.util.TreeSet<>();
      boolean rooted = false;
      java.util.ArrayDeque<Map.Entry<String, Map<String, String>>> pending = new java.util.ArrayDeque<>();
      pending.add(Map.entry(site.receiverType(), Map.of()));
      Set<String> seen = new java.util.HashSet<>();
      while (!pending.isEmpty() && seen.size() < 256) {
        Map.Entry<String, Map<String, String>> next = pending.poll();
        TypeFact type = index.type(next.getKey()).orElse(null);
        if (type == null || !seen.add(next.getKey())) {
          continue;
        }
        for (Map.Entry<String, List<String>> supertype : type.superTypeArguments().entrySet()) {
          List<String> arguments = supertype.getValue().stream().map(a -> bound(a, next.getValue())).toList();
          if (REPOSITORY_ROOTS.contains(supertype.getKey())) {
            rooted = true;
            if (!arguments.isEmpty()) {
              stored.add(arguments.get(0));
            }
            continue;
          }
          List<String> parameters = index.type(supertype.getKey())
              .map(t -> List.copyOf(t.typeParameters().keySet())).orElse(List.of());
          if (parameters.size() == arguments.size()) {
            Map<String, String> bindings = new HashMap<>();
            for (int i = 0; i < parameters.size(); i++) {
              bindings.put(parameters.get(i), arguments.get(i));
            }
            pending.add(Map.entry(supertype.getKey(), bindings));
          }
        }
      }
      if (rooted) {
        stored.removeIf(name -> index.type(name).isEmpty()); // a type variable left unbound: the generic repository
        return stored.size() == 1 ? stored.iterator().next() : null;
      }
      for (String ancestor : index.supertypesOf(site.receiverType())) {
        TypeFact type = index.type(ancestor).orElse(null);
        if (type == null) {
          continue;
        }
        for (List<String> arguments : type.superTypeArguments().values()) {
          if (!arguments.isEmpty() && (entityTables.containsKey(arguments.get(0)) || site.clientId().contains("repository"))) {
            return arguments.get(0);
          }
        }
      }
      return null;
    }

    /**
     * Whether the repository method the site calls declares a query of its own text, whatever optkit read of it: the
     * declaration the site's query was read from ({@link ProjectIndex#declarationOf}).
     */
    private boolean declaresUnreadQuery(IoSite site) {
      dev.optkit.analyzers.facts.MethodFact fact = site.receiverType() == null ? null
          : index.declarationOf(site.receiverType(), site.method());
      return fact != null && ("true".equals(fact.annotationValue("Query#value"))
          || !fact.composedAnnotationValues().isEmpty()
          || dev.optkit.analyzers.facts.types.AnnotationValues.QUERY_ANNOTATIONS.stream()
              .filter(name -> !name.equals("Query")).anyMatch(fact::hasAnnotation));
    }

    /** A type argument with the type variables it names bound (an argument may be read qualified: {@code shop.T}). */
    private static String bound(String argument, Map<String, String> bindings) {
      return bindings.getOrDefault(argument.substring(argument.lastIndexOf('.') + 1), argument);
    }

    /**
     * What a query's text reads or writes. SQL names tables (and views, read as the tables behind them); JPQL names
     * entities (by {@link #storedNamed}, or a project class by its qualified name), so a name it gives that is no
     * entity optkit can tell (one orm.xml or a constant names, an interface Hibernate reads polymorphically, a class
     * of a library) makes the footprint unknown; a text whose language is not told is read both ways, an entity's
     * name first.
     */
    private DataFootprint parseSql(QueryText query) {
      String text = query.text();
      SqlAsRun.Language language = query.language();
      if (SchemaWriteEffects.definesCodeOrIndex(text)) {
        return new DataFootprint(ClientKind.DB, Set.of(), false); // CREATE TRIGGER, INDEX, FUNCTION: no row changes
      }
      Set<String> names = new TreeSet<>();
      try {
        Set<String> tables = new TreeSet<>();
        net.sf.jsqlparser.statement.Statements parsed = JpqlKeywordAliases.parseShared(SqlStatements.bindPlaceholders(text));
        for (Statement statement : parsed) {
          tables.addAll(new TablesNamesFinder<Void>().getTables(statement)); // a batch names every statement's tables
        }
        if (language == SqlAsRun.Language.SQL) {
          tables.forEach(table -> addTable(names, table));
          return new DataFootprint(ClientKind.DB, Set.copyOf(names), names.isEmpty());
        }
        // SELECT o.ownerId FROM Order o: one entity's columns, none of its associations loaded
        String columnsOf = columnsOnly.computeIfAbsent(query, q -> columnsOnlyOf(parsed, language)); // parsed once
        // JOIN FETCH m.roles (read as JOIN m.roles): m.roles is a path, whose tables come with its entity's; every root
        // must then be a project entity, or what the paths reach cannot be told
        boolean fetchJoin = JpqlKeywordAliases.hasFetchJoin(text);
        for (String table : tables) {
          if (language == SqlAsRun.Language.JPQL && JpqlNames.path(table)) {
            continue; // JOIN o.items i: what a path reaches comes with its root entity's tables
          }
          StoredName named = named(table, language);
          if (named instanceof StoredName.Ambiguous
              || language == SqlAsRun.Language.JPQL && named instanceof StoredName.None) {
            return new DataFootprint(ClientKind.DB, Set.copyOf(names), true); // which entity's tables: not told
          }
          TypeFact entity = named instanceof StoredName.Named found ? found.type() : null;
          if (fetchJoin && entity == null) {
            if (table.contains(".")) {
              continue;
            }
            return new DataFootprint(ClientKind.DB, Set.copyOf(names), true);
          }
          if (entity != null && entity.qualifiedName().equals(columnsOf)) {
            if (!associatedTables.addOwnTables(entity, names)) {
              return new DataFootprint(ClientKind.DB, Set.copyOf(names), true);
            }
          } else if (entity != null) { // JPQL names entities, not tables
            if (!associatedTables.addTables(entity, names)) {
              return new DataFootprint(ClientKind.DB, Set.copyOf(names), true);
            }
          } else {
            addTable(names, table);
          }
        }
      } catch (Exception | StackOverflowError e) {
        return new DataFootprint(ClientKind.DB, Set.of(), true);
      }
      return new DataFootprint(ClientKind.DB, Set.copyOf(names), names.isEmpty());
    }

    /** A table's name in SQL: the tables behind it where it is a view. */
    private void addTable(Set<String> names, String table) {
      index.schemaViews().expand(normalise(SchemaViews.bare(table))).forEach(t -> names.add("table:" + t));
    }

    /**
     * What a name a query gives means, read in the query's language: in JPQL by {@link #jpqlNamed}; in SQL nothing
     * stored (a table's name); in a text whose language is not told by {@link #storedNamed}.
     */
    private StoredName named(String table, SqlAsRun.Language language) {
      return switch (language) {
        case JPQL -> jpqlNamed(table);
        case SQL -> new StoredName.None();
        case UNTOLD -> storedNamed(SchemaViews.bare(table));
      };
    }

    /** Per query, the entity whose columns alone it reads ("" for none). */
    private final Map<QueryText, String> columnsOnly = new java.util.concurrent.ConcurrentHashMap<>();

    private String entityReadForColumnsOnly(QueryText query) {
      try {
        return columnsOnlyOf(JpqlKeywordAliases.parseShared(SqlStatements.bindPlaceholders(query.text())),
            query.language());
      } catch (Exception | StackOverflowError e) {
        return "";
      }
    }

    /** The entity a JPQL query reads the columns of alone, its name read as the query's other names are. */
    private String columnsOnlyOf(net.sf.jsqlparser.statement.Statements parsed, SqlAsRun.Language language) {
      String entity = parsed.size() == 1 ? JpqlColumnReads.entityReadForColumnsOnly(parsed.get(0),
          name -> named(name, language) instanceof StoredName.Named named ? named.type() : null,
          associatedTables::associationFields) : null;
      return entity == null ? "" : entity;
    }

    public static boolean isEntity(TypeFact type) {
      return type.annotations().stream().anyMatch(a -> a.equals("Entity") || a.endsWith(".Entity")
          || a.equals("org.springframework.data.relational.core.mapping.Table")
          || a.equals("org.springframework.data.mongodb.core.mapping.Document"));
    }

    /** The entity's table: its @Table name, else its class's name; null when @Table's name is unreadable. */
    private static String tableOf(TypeFact entity) {
      String table = entity.annotationValue("Table", "name");
      if (table == null) {
        table = entity.annotationValue("Table", "value");
      }
      if (TypeFact.UNRESOLVED.equals(table)) {
        return null;
      }
      return normalise(table != null ? table : entity.simpleName());
    }
  }

  /** A table's name as optkit compares them ({@link TableNames#normalise}). */
  static String normalise(String table) {
    return TableNames.normalise(table);
  }


  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
