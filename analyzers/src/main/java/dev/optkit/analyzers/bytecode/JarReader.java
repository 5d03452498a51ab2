package dev.optkit.analyzers.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads a jar's class files with ASM into a {@link JarGraph}. A dependency jar is input like any
 * other: sizes are bounded (the jar, each class, the classes together, the number of entries), a
 * class ASM cannot read is skipped and counted, and the whole read has a deadline. Nothing in the
 * jar is loaded or run.
 */
final class JarReader {
  /** Bounds on one jar; past them the jar is refused or read in part, with a warning. */
  record Limits(long maxJarBytes, int maxClassBytes, long maxTotalClassBytes, int maxEntries, long maxNanos) {
    static final Limits DEFAULT = new Limits(256L << 20, 8 << 20, 1L << 30, 200_000, 60_000_000_000L);
  }

  /** A jar's graph and what could not be read of it, in words (empty when all was read). */
  record Outcome(JarGraph graph, String problem) {}

  /** Why a jar gave nothing. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private JarReader() {}

  /** @param nanos the clock {@code limits.maxNanos()} is kept by: {@link System#nanoTime()}, or a test's */
  static Outcome read(Path jar, Limits limits, java.util.function.LongSupplier nanos) throws Refused {
    long deadline = nanos.getAsLong() + limits.maxNanos();
    try {
      if (!Files.isRegularFile(jar)) {
        throw new Refused("not a regular file");
      }
      if (Files.size(jar) > limits.maxJarBytes()) {
        throw new Refused("larger than " + (limits.maxJarBytes() >> 20) + " MB");
      }
      Builder builder = new Builder();
      int unreadable = 0;
      String stopped = null;
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        long total = 0;
        int entries = 0;
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
          ZipEntry entry = all.nextElement();
          if (++entries > limits.maxEntries()) {
            stopped = "more than " + limits.maxEntries() + " entries";
            break;
          }
          if (nanos.getAsLong() - deadline > 0) {
            stopped = "over its time budget of " + limits.maxNanos() / 1_000_000_000L + " s";
            break;
          }
          String name = entry.getName();
          // META-INF/versions/*: another release's copy of the same classes; module-info: no code
          if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")
              || name.endsWith("module-info.class") || name.endsWith("package-info.class")) {
            continue;
          }
          byte[] bytes = readBounded(zip, entry, limits.maxClassBytes());
          if (bytes == null) {
            unreadable++;
            continue;
          }
          total += bytes.length;
          if (total > limits.maxTotalClassBytes()) {
            stopped = "classes larger than " + (limits.maxTotalClassBytes() >> 20) + " MB together";
            break;
          }
          try {
            new ClassReader(bytes).accept(builder.visitor(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
          } catch (RuntimeException malformed) {
            builder.dropPartial();
            unreadable++;
          }
        }
      }
      String problem = stopped != null ? "read in part: " + stopped
          : unreadable > 0 ? unreadable + " class file(s) could not be read and were skipped" : null;
      return new Outcome(builder.build(), problem);
    } catch (IOException | RuntimeException e) {
      throw new Refused("not a readable jar (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The entry's bytes, or null past {@code max}: the size a zip declares is not trusted. */
  private static byte[] readBounded(ZipFile zip, ZipEntry entry, int max) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes(max + 1);
      return bytes.length > max ? null : bytes;
    }
  }

  /** The type of a function made as a proxy's invocation handler. */
  private static final String PROXY_HANDLER = "Ljava/lang/reflect/InvocationHandler;";

  /** Collects types and methods; calls are numbered once per jar. */
  private static final class Builder {
    private final List<JarGraph.Type> types = new ArrayList<>();
    private final List<JarGraph.Call> calls = new ArrayList<>();
    private final Map<JarGraph.Call, Integer> numbers = new HashMap<>();
    private String name;
    private String superName;
    private List<String> interfaces;
    private int access;
    private List<JarGraph.Method> methods;

    ClassVisitor visitor() {
      return new ClassVisitor(Opcodes.ASM9) {
        @Override
        public void visit(int version, int classAccess, String className, String signature, String superClass,
            String[] superInterfaces) {
          name = className;
          superName = superClass;
          interfaces = superInterfaces == null ? List.of() : List.of(superInterfaces);
          access = classAccess;
          methods = new ArrayList<>();
        }

        @Override
        public MethodVisitor visitMethod(int methodAccess, String methodName, String descriptor, String signature,
            String[] exceptions) {
          List<Integer> made = new ArrayList<>();
          // the functions the last instruction made (a lambda, a method reference): run by whoever they are handed
          // to, unless the next instruction returns or stores them: a factory's answer (OkHttp's
          // EventSources.createFactory returns a lambda that connects when called; creating it connects nothing)
          List<Integer> madeFunctions = new ArrayList<>();
          return new MethodVisitor(Opcodes.ASM9) {
            /** An instruction follows the function made: handed on, unless it returns or stores it. */
            private void next(boolean keepsFunction) {
              if (!keepsFunction) {
                made.addAll(madeFunctions);
              }
              madeFunctions.clear();
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String callee, String calleeDescriptor, boolean itf) {
              next(false);
              int dispatch = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE
                  ? JarGraph.Call.VIRTUAL : JarGraph.Call.EXACT;
              made.add(number(new JarGraph.Call(dispatch, owner, callee, calleeDescriptor)));
            }

            @Override
            public void visitInvokeDynamicInsn(String callee, String calleeDescriptor, Handle bootstrap,
                Object... arguments) {
              next(false);
              if (PROXY_HANDLER.equals(org.objectweb.asm.Type.getReturnType(calleeDescriptor).getDescriptor())) {
                // a proxy's invocation handler runs when a method of the proxy is called, never where it is made or
                // handed to Proxy.newProxyInstance, which keeps it (Jdbi's onDemand: making the proxy queries nothing)
                return;
              }
              for (Object argument : arguments) {
                if (argument instanceof Handle handle && handle.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
                  madeFunctions.add(number(new JarGraph.Call(JarGraph.Call.LAMBDA, handle.getOwner(), handle.getName(),
                      handle.getDesc())));
                }
              }
            }

            @Override
            public void visitInsn(int opcode) {
              next(opcode == Opcodes.ARETURN);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
              next(opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC);
            }

            @Override
            public void visitIntInsn(int opcode, int operand) {
              next(false);
            }

            @Override
            public void visitVarInsn(int opcode, int variable) {
              next(false);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
              next(false);
            }

            @Override
            public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
              next(false);
            }

            @Override
            public void visitLdcInsn(Object value) {
              next(false);
            }

            @Override
            public void visitIincInsn(int variable, int increment) {
              next(false);
            }

            @Override
            public void visitTableSwitchInsn(int min, int max, org.objectweb.asm.Label fallback,
                org.objectweb.asm.Label... labels) {
              next(false);
            }

            @Override
            public void visitLookupSwitchInsn(org.objectweb.asm.Label fallback, int[] keys,
                org.objectweb.asm.Label[] labels) {
              next(false);
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
              next(false);
            }

            @Override
            public void visitEnd() {
              next(false);
              methods.add(new JarGraph.Method(methodName, descriptor, methodAccess,
                  made.stream().distinct().mapToInt(Integer::intValue).toArray()));
            }
          };
        }

        @Override
        public void visitEnd() {
          types.add(new JarGraph.Type(name, superName, interfaces, access, methods));
          name = null;
        }
      };
    }

    private int number(JarGraph.Call call) {
      return numbers.computeIfAbsent(call, c -> {
        calls.add(c);
        return calls.size() - 1;
      });
    }

    /** A class that failed mid-read leaves nothing behind (its calls stay numbered, unused). */
    void dropPartial() {
      name = null;
      methods = null;
    }

    JarGraph build() {
      types.sort(Comparator.comparing(JarGraph.Type::name));
      return new JarGraph(types, calls);
    }
  }
}
