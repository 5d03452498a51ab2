package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-offs whose receiver only serialises the value, so nothing in this process keeps or changes it: a send to a
 * message broker, and a response wrapper a request handler builds around the result it gets
 * ({@code ResponseEntity.ok(new ApiResponse<>(200, "Success", products))}, ravan-chuang/spring-boot-ecommerce-backend;
 * the wrapper handed to {@code ResponseEntity.ok} itself, trial 48's F2).
 * The wrapper keeps the result in a field, and only the serialiser reads it back. Keeping it there changes nothing,
 * and nobody can change the result through it, when
 * <ul>
 *   <li>the handler's return value is the response body (never a model attribute the data binder writes onto) and
 *       no project code calls the handler;
 *   <li>every constructor the call may reach only stores the value, in private fields its class uses for nothing
 *       but {@code return field;} in getters and {@code this.field = value;} in setters, which read nothing
 *       ({@code TypeFact#returnedFields}: no other method, nested class or
 *       static helper reads them, {@code Badge.unwrap(b)} returning {@code b.member} included);
 *   <li>the wrapper's class has no subclass, named or anonymous (Lombok's {@code @Data} or {@code @Setter} may add
 *       setters and the methods that read the field as the serialiser does);
 *   <li>no production code calls those getters, nor one named for the field (Lombok's), on any receiver that may
 *       be the wrapper: the wrapper's own methods and a body advice unwrapping it included.
 * </ul>
 */
final class SerialisedHandOffs {
  private final ProjectIndex index;
  private final java.util.function.Predicate<dev.optkit.analyzers.facts.ParamFact> immutableParameter;
  /** The project methods a hand-off reaches ({@link ResultSharing#receivers}): the one reader of that question. */
  private final java.util.function.BiFunction<IndexedMethod, MethodFact.HandOff, List<IndexedMethod>> receivers;

  /**
   * @param immutableParameter a parameter of a type no result can be ({@code Status}, an enum): it gets no result
   * @param receivers the project methods a hand-off reaches
   */
  SerialisedHandOffs(ProjectIndex index, java.util.function.Predicate<dev.optkit.analyzers.facts.ParamFact> immutableParameter,
      java.util.function.BiFunction<IndexedMethod, MethodFact.HandOff, List<IndexedMethod>> receivers) {
    this.index = index;
    this.immutableParameter = immutableParameter;
    this.receivers = receivers;
  }

  /**
   * Whether the value a handler hands to {@code constructors} (at the hand-off's argument position) is only kept
   * for the serialiser.
   */
  boolean wrappedForTheBody(IndexedMethod handler, MethodFact.HandOff handOff, List<IndexedMethod> candidates) {
    // new BaseResponse<>(rows) beside a BaseResponse(Status status) overload: the enum's constructor never gets it
    List<IndexedMethod> receivers = candidates.stream().filter(m -> !takesNoResult(m, handOff.position())).toList();
    List<IndexedMethod> constructors = handOff.constructed() ? receivers
        : receivers.stream().map(factory -> constructorBehind(factory, handOff.position())).toList();
    if (handOff.position() < 0 || constructors.isEmpty() || constructors.contains(null)
        || advisedBody(handler).isPresent()
        || !index.webEntryPoints().servesBody(handler)
        || index.callersOf(handler).stream().anyMatch(c -> !SourceSet.isTestPath(c.path()))) {
      return false;
    }
    for (int i = 0; i < constructors.size(); i++) {
      IndexedMethod constructor = constructors.get(i);
      int position = handOff.constructed() ? ResultSharing.parameterAt(constructor, handOff.position())
          : factoryArgument(receivers.get(i), handOff.position());
      TypeFact wrapper = index.type(constructor.fact().ownerType()).orElse(null);
      Set<String> fields = keptFields(constructor, position);
      if (wrapper == null || fields.isEmpty() || !wrapper.returnedFields().keySet().containsAll(fields)
          || !sealedClass(wrapper) || gotten(wrapper, fields)) {
        return false;
      }
    }
    return true;
  }

  /** Spring's factories of a response around its body: {@code ResponseEntity.ok(body)}, {@code status(s).body(b)}. */
  private static final Set<String> RESPONSE_FACTORIES = Set.of("ok", "body", "accepted", "created",
      "new ResponseEntity");

  /**
   * {@link #wrappedForTheBody}, and also the wrapper itself handed to Spring's {@code ResponseEntity} as the body
   * ({@code ResponseEntity.ok(new ApiResponse(result, "found"))}: trial 48's F2): the result is held by the wrapper,
   * which only the serialiser reads, when the wrapper's own constructor hand-off is one the serialiser alone reads and
   * the handler answers a {@code ResponseEntity} no project method makes.
   */
  boolean onlySerialised(IndexedMethod handler, MethodFact.HandOff handOff,
      java.util.function.BiFunction<IndexedMethod, MethodFact.HandOff, List<IndexedMethod>> receivers) {
    if (wrappedForTheBody(handler, handOff, receivers.apply(handler, handOff))) {
      return true;
    }
    String returned = handler.fact().returnType() == null ? "" : TypeNames.raw(handler.fact().returnType());
    if (!handOff.held() || handOff.part() || handOff.keptBy() == null
        || !RESPONSE_FACTORIES.contains(handOff.target()) || !receivers.apply(handler, handOff).isEmpty()
        || !(returned.equals("ResponseEntity") || returned.equals("org.springframework.http.ResponseEntity"))) {
      return false;
    }
    String wrapper = MethodFact.HandOff.constructorOf(handOff.keptBy().type());
    return handler.fact().handOffs().stream().filter(kept -> kept.target().equals(wrapper) && !kept.held()
        && kept.fromLine() == handOff.fromLine() && kept.fromColumn() == handOff.fromColumn())
        .findFirst().map(kept -> wrappedForTheBody(handler, kept, receivers.apply(handler, kept))).orElse(false);
  }

  /**
   * Why a request handler's body is not only serialised: the project's {@code ResponseBodyAdvice} (a
   * {@code @ControllerAdvice} masking fields, by getters, fields or reflection) receives every body before it is
   * written and may change it, the cached result inside it included (hostile review 31: k8b, k11, k21b, k23e). Empty
   * when the handler serves no body or the project has no such advice.
   */
  Optional<String> advisedBody(IndexedMethod handler) {
    if (bodyAdvice == null) {
      bodyAdvice = index.types().stream().filter(type -> index.supertypesOf(type.qualifiedName()).stream()
          .flatMap(t -> index.type(t).stream()).flatMap(t -> t.superTypes().stream())
          .anyMatch(s -> s.endsWith("ResponseBodyAdvice") || s.contains("ResponseBodyAdvice<")))
          .map(TypeFact::qualifiedName).sorted().findFirst().orElse("");
    }
    if (serializer == null) {
      serializer = changingSerializer();
    }
    if (!serializer.isEmpty() && index.webEntryPoints().servesBody(handler)) {
      return Optional.of("returns it in the response body, which the project's Jackson serializer "
          + ProjectTraits.simpleName(serializer) + " writes and may change (its serialize() changes or hands on the "
          + "value it writes): a cached result is one object shared by every caller");
    }
    if (bodyAdvice.isEmpty() || !index.webEntryPoints().servesBody(handler)) {
      return Optional.empty();
    }
    return Optional.of("returns it in the response body, which the project's ResponseBodyAdvice "
        + bodyAdvice.substring(bodyAdvice.lastIndexOf('.') + 1) + " receives before it is written and may change: a "
        + "cached result is one object shared by every caller");
  }

  /** The project's first Jackson serializer whose serialize() changes its value or hands it on, "" for none. */
  private String serializer;

  /**
   * A {@code @JsonComponent} or {@code JsonSerializer} of the project whose {@code serialize(value, ..)} changes the
   * value or hands it to other code (hostile review 50's J1: {@code value.tags().add("new")} on the cached DTO).
   */
  private String changingSerializer() {
    return index.methods().stream().filter(m -> m.fact().name().equals("serialize") && !m.fact().params().isEmpty()
        && !SourceSet.isTestPath(m.path()))
        .filter(m -> index.supertypesOf(m.fact().ownerType()).stream().anyMatch(t -> t.contains("JsonSerializer")
            || t.contains("StdSerializer")) || index.type(m.fact().ownerType()).map(t -> t.hasAnnotation("JsonComponent"))
            .orElse(false) || index.type(m.fact().ownerType()).flatMap(t -> index.type(enclosingOf(t.qualifiedName())))
            .map(t -> t.hasAnnotation("JsonComponent")).orElse(false))
        .filter(m -> m.fact().parameterMutations().stream().anyMatch(change -> change.parameter() == 0)
            // handed to the project's code, as the calls resolve (gen.writeObject(value) is Jackson's, which reads it;
            // json.put(error.getField(), ..) is a HashMap's, not any project method named put: a trial's serializer of
            // error bodies alone was taken for one changing every body)
            || m.fact().handOffs().stream().anyMatch(handOff -> handOff.fromParameter() == 0 && handOff.position() >= 0
                && !receivers.apply(m, handOff).isEmpty()))
        .map(m -> m.fact().ownerType()).sorted().findFirst().orElse("");
  }

  private static String enclosingOf(String nested) {
    int dot = nested.lastIndexOf('.');
    return dot < 0 ? nested : nested.substring(0, dot);
  }

  /** The project's first ResponseBodyAdvice by name, "" for none; null until asked. */
  private String bodyAdvice;

  /** Message clients that serialise what they send before the call returns: no receiver here holds it. */
  private static final Set<String> SERIALISING_SENDERS = Set.of("kafka-producer", "rabbitmq");

  /**
   * {@code kafkaTemplate.send(topic, views)}: Kafka's producer serialises the value inside send() and
   * RabbitTemplate converts it to a message's bytes, so the consumers get a copy, in another process,
   * and nothing in this one keeps the value. Every call of that name in the method must be such a send.
   */
  static boolean sentToBroker(IndexedMethod caller, MethodFact.HandOff handOff) {
    List<dev.optkit.analyzers.facts.IoSite> sends = caller.fact().ioSites().stream()
        .filter(site -> site.method().equals(handOff.target())).toList();
    return !sends.isEmpty() && sends.stream().allMatch(site -> SERIALISING_SENDERS.contains(site.clientId()))
        && caller.fact().calls().stream().noneMatch(call -> call.name().equals(handOff.target()));
  }

  /**
   * The constructor a static factory of the wrapper hands its parameter to and whose object it returns
   * ({@code static <T> ApiResponse<T> ok(T data) { return new ApiResponse<>(200, "ok", data); }}), when the factory
   * does nothing else with it; else null.
   */
  private IndexedMethod constructorBehind(IndexedMethod factory, int argument) {
    MethodFact fact = factory.fact();
    int parameter = ResultSharing.parameterAt(factory, argument);
    if (!fact.isStatic() || parameter < 0 || !fact.parameterMutations().isEmpty()
        || !TypeNames.raw(fact.returnType()).equals(fact.ownerType())) {
      return null;
    }
    List<MethodFact.HandOff> uses = fact.handOffs().stream().filter(h -> h.fromCall() == null
        && h.fromParameter() == parameter).toList();
    // return new ApiResponse<>(200, "ok", data): the constructor's hand-off, and the returned object holding it
    if (uses.isEmpty() || uses.stream().anyMatch(h -> h.part() || h.position() < 0
        || !(h.returned() || h.constructed() && !h.held()))) {
      return null;
    }
    List<IndexedMethod> constructors = uses.stream().filter(h -> h.constructed())
        .flatMap(h -> index.methods(fact.ownerType(), fact.ownerType().substring(fact.ownerType().lastIndexOf('.') + 1))
            .stream().filter(m -> m.fact().isConstructor() && m.fact().params().size() == h.toArguments()))
        .distinct().toList();
    return constructors.size() == 1 ? constructors.get(0) : null;
  }

  /** The constructor's parameter a factory's own parameter reaches (at the hand-off to the constructor). */
  private static int factoryArgument(IndexedMethod factory, int argument) {
    int parameter = ResultSharing.parameterAt(factory, argument);
    return factory.fact().handOffs().stream().filter(h -> h.fromCall() == null && h.fromParameter() == parameter
        && h.constructed()).mapToInt(MethodFact.HandOff::position).findFirst().orElse(-1);
  }

  private boolean takesNoResult(IndexedMethod method, int argument) {
    int parameter = ResultSharing.parameterAt(method, argument);
    return parameter >= 0 && parameter < method.fact().params().size()
        && immutableParameter.test(method.fact().params().get(parameter));
  }

  /** The fields a constructor stores its parameter in, or empty when it does anything else with it. */
  private static Set<String> keptFields(IndexedMethod constructor, int position) {
    Set<String> fields = new HashSet<>();
    for (MethodFact.ParameterMutation change : constructor.fact().parameterMutations()) {
      if (change.parameter() == position) {
        if (!(change.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField)) {
          return Set.of();
        }
        fields.add(((dev.optkit.analyzers.facts.Change.StoredInField) change.change()).field());
      }
    }
    boolean handedOn = constructor.fact().handOffs().stream().anyMatch(h -> h.fromCall() == null
        && h.fromParameter() == position);
    return handedOn || fields.stream().anyMatch(f -> f.contains(".")) ? Set.of() : fields;
  }

  /** A class no other class extends, named or anonymous. */
  private boolean sealedClass(TypeFact type) {
    String name = type.qualifiedName();
    // Lombok's @Data and @Setter add setters, which store and read nothing of the field, and equals, hashCode and
    // toString, which read it as the serialiser does (trial 48's B: ResponseEntity.ok(new ApiResponse(dtos, msg)))
    return type.kind().equals("class") && index.subtypesOf(name).isEmpty()
        && index.files().stream().flatMap(file -> file.creations().stream())
            .noneMatch(creation -> creation.anonymous() && creation.type().equals(name));
  }

  /** Whether production code calls a getter of one of these fields, on the wrapper or on anything it may be. */
  private boolean gotten(TypeFact wrapper, Set<String> fields) {
    Set<String> getters = new java.util.TreeSet<>();
    for (String field : fields) {
      String capital = Character.toUpperCase(field.charAt(0)) + field.substring(1);
      getters.addAll(List.of("get" + capital, "is" + capital, field));
      getters.addAll(wrapper.returnedFields().get(field));
    }
    return gotten.computeIfAbsent(wrapper.qualifiedName() + getters, key -> calledAnywhere(getters, wrapper));
  }

  /** By wrapper class and getter names: whether production code calls one (every call of the project is read). */
  private final java.util.Map<String, Boolean> gotten = new java.util.HashMap<>();

  private boolean calledAnywhere(Set<String> getters, TypeFact wrapper) {
    String owner = wrapper.qualifiedName();
    Set<String> couldBe = new HashSet<>(index.supertypesOf(owner));
    couldBe.addAll(List.of(owner, "java.lang.Object"));
    for (IndexedMethod method : index.methods()) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      for (CallRef call : method.fact().calls()) {
        // ApiResponse::getData counts as a call without arguments (-1: a method reference's)
        if (getters.contains(call.name()) && call.argumentCount() <= 0
            && (call.receiverType() == null || couldBe.contains(TypeNames.raw(call.receiverType()))
                || !call.receiverType().contains("."))) {
          return true;
        }
      }
    }
    return false;
  }
}
