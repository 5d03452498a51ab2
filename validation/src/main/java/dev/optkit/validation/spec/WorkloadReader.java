package dev.optkit.validation.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a workload YAML file and says precisely what is wrong with it. */
public final class WorkloadReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** A workload is a few KB; its value lists are the largest part. Never read whole past this. */
  static final long MAX_BYTES = 1 << 20;

  private WorkloadReader() {
  }

  /** @throws WorkloadException naming the file and the problem */
  public static Workload read(Path file) {
    Workload workload;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new WorkloadException(file + ": over " + (MAX_BYTES >> 20) + " MB; a workload is a few KB (generate "
            + "long value lists with range, sequence or zipf.n instead of listing them)");
      }
      workload = YAML.readValue(Files.readString(file), Workload.class);
    } catch (JsonMappingException e) {
      throw new WorkloadException(file + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
    } catch (IOException e) {
      throw new WorkloadException(file + ": cannot read it (" + e.getMessage() + ")");
    }
    if (workload == null) {
      throw new WorkloadException(file + ": empty");
    }
    List<String> problems = problems(workload);
    if (!problems.isEmpty()) {
      throw new WorkloadException(file + ": " + String.join("; ", problems));
    }
    return workload;
  }

  static List<String> problems(Workload workload) {
    List<String> problems = new ArrayList<>();
    if (workload.fixture() == null || workload.fixture().factory() == null
        || !workload.fixture().factory().contains("#")) {
      problems.add("fixture.factory must name a static method as pkg.Class#method");
    }
    if (workload.scenarios().isEmpty()) {
      problems.add("no scenarios");
    }
    Set<String> names = new HashSet<>();
    for (Workload.Scenario scenario : workload.scenarios()) {
      String where = "scenario '" + scenario.name() + "'";
      if (scenario.name() == null || !names.add(scenario.name())) {
        problems.add("every scenario needs a unique name");
      }
      if (scenario.method() == null) {
        problems.add(where + ": method is missing");
      }
      if (!scenario.compareAs().equals(Workload.Scenario.FIELDS) && !scenario.compareAs().equals(Workload.Scenario.TO_STRING)) {
        problems.add(where + ": compareAs must be fields or toString, not '" + scenario.compareAs() + "'");
      }
      if (scenario.calls() <= 0) {
        problems.add(where + ": calls must be positive");
      }
      checkArgs(where, scenario.args(), problems);
      double shares = 0;
      for (Workload.WriteSpec write : scenario.writes()) {
        if (write.method() == null || write.share() <= 0 || write.share() >= 1) {
          problems.add(where + ": every write needs a method and a share between 0 and 1");
        }
        shares += write.share();
        checkArgs(where + " write " + write.method(), write.args(), problems);
      }
      if (shares >= 1) {
        problems.add(where + ": the write shares add up to 1 or more, leaving no reads");
      }
      if (scenario.load() != null) {
        problems.addAll(scenario.load().problems(where));
      }
    }
    problems.addAll(WorkloadCaps.problems(workload));
    return problems;
  }

  private static void checkArgs(String where, List<ArgSpec> args, List<String> problems) {
    for (int i = 0; i < args.size(); i++) {
      ArgSpec arg = args.get(i);
      if (arg == null || arg.kind() == null) {
        problems.add(where + ": argument " + (i + 1) + " needs exactly one of value, fixed, range, sequence, repeats, zipf");
      } else if (arg.kind().equals("range") && arg.range().size() != 2) {
        problems.add(where + ": argument " + (i + 1) + " range needs [low, high]");
      } else if (arg.kind().equals("repeats") && (arg.repeats().of() == null || arg.repeats().keys() <= 0)) {
        problems.add(where + ": argument " + (i + 1) + " repeats needs keys > 0 and 'of'");
      } else if (arg.kind().equals("fixed") && arg.fixed().isEmpty()) {
        problems.add(where + ": argument " + (i + 1) + " fixed needs values");
      }
    }
  }
}
