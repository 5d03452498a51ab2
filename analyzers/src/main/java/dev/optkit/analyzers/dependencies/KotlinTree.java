package dev.optkit.analyzers.dependencies;

import dev.optkit.analyzers.dependencies.kotlin.KotlinParser;
import dev.optkit.analyzers.dependencies.kotlin.KotlinParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * A Gradle Kotlin script lowered to the Groovy syntax tree the Groovy script's readers ({@link GradleAssignments},
 * {@link GradleDeclarations}) visit: both DSLs call the same Gradle API, so {@code implementation("g:a:v") { .. }} is
 * the call {@code implementation 'g:a:v', { .. }} is, a trailing lambda a closure, named arguments ({@code group =
 * ".."}) a map, a template {@code "g:a:$v"} a GString, {@code id("x") version "1"} the call chain Groovy's command
 * expression is. What Kotlin spells otherwise is given the Groovy reader's shape:
 * {@code extra["v"] = ".."}/{@code extra.set("v", "..")} and {@code val v by extra("..")} are assignments of
 * {@code v}; {@code property("v")}, {@code findProperty("v")}, {@code extra["v"]} read {@code v} (the script's string
 * or gradle.properties'); {@code val v: String by project} is gradle.properties' {@code v}, no assignment;
 * {@code "implementation"(..)} calls {@code implementation}; {@code kotlin("stdlib")} is
 * {@code org.jetbrains.kotlin:kotlin-stdlib} at the Kotlin plugin's version. Everything else is an expression no
 * reader takes for a literal (counted as unread where a declaration needs it). Nothing is evaluated.
 */
final class KotlinTree {
  private static final Expression OPAQUE_VALUE = new ConstantExpression(null);
  private String kotlinVersion;

  private KotlinTree() {}

  static BlockStatement statements(KotlinParser.ScriptContext script) {
    KotlinTree tree = new KotlinTree();
    BlockStatement block = new BlockStatement();
    for (StatementContext statement : script.statement()) {
      tree.statement(statement, block);
    }
    return block;
  }

  private void statement(StatementContext statement, BlockStatement into) {
    if (statement.declaration() != null) {
      PropertyDeclarationContext property = statement.declaration().propertyDeclaration();
      if (property != null && property.variableDeclaration() != null) {
        declaration(property, into);
      }
      return; // functions and classes: not run by Gradle as the script's statements (Groovy's methods alike)
    }
    if (statement.assignment() != null) {
      assignment(statement.assignment(), into);
      return;
    }
    if (statement.loopStatement() != null) {
      bodies(statement.loopStatement(), into); // read once, as the Groovy reader reads a loop's body
      return;
    }
    ParserRuleContext expression = unwrap(statement.expression());
    if (expression instanceof IfExpressionContext || expression instanceof WhenExpressionContext
        || expression instanceof TryExpressionContext) {
      bodies(expression, into); // every branch, as the Groovy reader visits an if's
      return;
    }
    Expression converted = expression(statement.expression());
    if (converted instanceof MethodCallExpression set && set.getMethodAsString() != null
        && set.getMethodAsString().equals("set") && isExtra(set.getObjectExpression())
        && set.getArguments() instanceof ArgumentListExpression arguments && arguments.getExpressions().size() == 2
        && arguments.getExpression(0) instanceof ConstantExpression key && key.getValue() instanceof String name) {
      // extra.set("v", "1.0")
      into.addStatement(new ExpressionStatement(new BinaryExpression(new PropertyExpression(set.getObjectExpression(),
          name), assign(), arguments.getExpression(1))));
      return;
    }
    into.addStatement(new ExpressionStatement(converted));
  }

  /** {@code val v = ".."}, {@code val v by extra("..")}; {@code val v: String by project} reads gradle.properties. */
  private void declaration(PropertyDeclarationContext property, BlockStatement into) {
    String name = identifier(property.variableDeclaration().simpleIdentifier());
    Expression value;
    if (property.expression() != null) {
      value = expression(property.expression());
    } else if (property.propertyDelegate() != null) {
      Expression delegate = expression(property.propertyDelegate().expression());
      if (delegate instanceof VariableExpression owner && (owner.getName().equals("project")
          || owner.getName().equals("rootProject") || owner.getName().equals("settings"))) {
        return; // val v: String by project: gradle.properties' v, as the name alone reads it
      }
      value = delegate instanceof MethodCallExpression extra && "extra".equals(extra.getMethodAsString())
          && extra.getArguments() instanceof ArgumentListExpression arguments && arguments.getExpressions().size() == 1
          ? arguments.getExpression(0) : OPAQUE_VALUE;
    } else {
      return;
    }
    if (value instanceof VariableExpression read && read.getName().equals(name)) {
      return; // val v = property("v") as String: the name reads what it read
    }
    into.addStatement(new ExpressionStatement(new DeclarationExpression(new VariableExpression(name), assign(), value)));
  }

  private void assignment(AssignmentContext assignment, BlockStatement into) {
    DirectlyAssignableExpressionContext left = assignment.directlyAssignableExpression();
    if (left == null) {
      return; // v += "..": no one value
    }
    Expression target;
    if (left.simpleIdentifier() != null) {
      target = new VariableExpression(identifier(left.simpleIdentifier()));
    } else {
      Expression receiver = expression(left.postfixUnaryExpression());
      AssignableSuffixContext suffix = left.assignableSuffix();
      String name = suffix.navigationSuffix() != null && suffix.navigationSuffix().simpleIdentifier() != null
          ? identifier(suffix.navigationSuffix().simpleIdentifier())
          : suffix.indexingSuffix() != null ? key(suffix.indexingSuffix()) : null;
      if (name == null) {
        return;
      }
      target = new PropertyExpression(receiver, name);
    }
    into.addStatement(new ExpressionStatement(new BinaryExpression(target, assign(), expression(assignment.expression()))));
  }

  /** The statements of every block and body under a control structure, in order, into one block. */
  private void bodies(ParseTree tree, BlockStatement into) {
    for (int i = 0; i < tree.getChildCount(); i++) {
      ParseTree child = tree.getChild(i);
      if (child instanceof StatementContext statement) {
        statement(statement, into);
      } else if (!(child instanceof TerminalNode) && !(child instanceof ExpressionContext)) {
        bodies(child, into);
      }
    }
  }

  /** A statement list as a closure's code. */
  private ClosureExpression closure(LambdaLiteralContext lambda) {
    BlockStatement block = new BlockStatement();
    if (lambda.statements() != null) {
      for (StatementContext statement : lambda.statements().statement()) {
        statement(statement, block);
      }
    }
    return new ClosureExpression(Parameter.EMPTY_ARRAY, block);
  }

  private Expression expression(ParserRuleContext context) {
    ParserRuleContext node = unwrap(context);
    if (node instanceof PostfixUnaryExpressionContext postfix) {
      return postfix(postfix);
    }
    if (node instanceof InfixFunctionCallContext infix) {
      return infix(infix);
    }
    if (node instanceof AsExpressionContext cast) {
      return expression(cast.prefixUnaryExpression()); // v as String: the value, the cast unread
    }
    if (node instanceof ParenthesizedExpressionContext parenthesized) {
      return expression(parenthesized.expression());
    }
    if (node instanceof SimpleIdentifierContext identifier) {
      return new VariableExpression(identifier(identifier));
    }
    if (node instanceof LineStringLiteralContext || node instanceof MultiLineStringLiteralContext) {
      return string(node);
    }
    if (node instanceof LambdaLiteralContext lambda) {
      return closure(lambda);
    }
    if (node instanceof ThisExpressionContext) {
      return new VariableExpression("this");
    }
    return OPAQUE_VALUE; // an operator, a condition, a number: no string the readers take
  }

  /** Down the grammar's precedence levels while a level holds one operand and no operator. */
  private static ParserRuleContext unwrap(ParserRuleContext context) {
    ParserRuleContext node = context;
    while (true) {
      if (node instanceof PostfixUnaryExpressionContext postfix && !postfix.postfixUnarySuffix().isEmpty()) {
        return node;
      }
      ParserRuleContext only = null;
      int rules = 0;
      for (int i = 0; i < node.getChildCount(); i++) {
        ParseTree child = node.getChild(i);
        if (child instanceof ParserRuleContext rule) {
          only = rule;
          rules++;
        } else if (child instanceof TerminalNode terminal && terminal.getSymbol().getType() != KotlinParser.NL) {
          return node;
        }
      }
      if (rules != 1 || node instanceof UnaryPrefixContext || node instanceof SimpleIdentifierContext) {
        return node;
      }
      if (node instanceof PrefixUnaryExpressionContext || node instanceof ExpressionContext
          || node instanceof DisjunctionContext || node instanceof ConjunctionContext || node instanceof EqualityContext
          || node instanceof ComparisonContext || node instanceof InfixOperationContext
          || node instanceof ElvisExpressionContext || node instanceof InfixFunctionCallContext
          || node instanceof RangeExpressionContext || node instanceof AdditiveExpressionContext
          || node instanceof MultiplicativeExpressionContext || node instanceof AsExpressionContext
          || node instanceof PostfixUnaryExpressionContext || node instanceof PrimaryExpressionContext
          || node instanceof StringLiteralContext || node instanceof FunctionLiteralContext) {
        node = only;
      } else {
        return node;
      }
    }
  }

  /** {@code id("x") version "1" apply false}: calls on the left operand, as Groovy's command chain. */
  private Expression infix(InfixFunctionCallContext infix) {
    Expression result = expression(infix.rangeExpression(0));
    for (int i = 1; i < infix.rangeExpression().size(); i++) {
      String name = identifier(infix.simpleIdentifier(i - 1));
      Expression argument = expression(infix.rangeExpression(i));
      if (name.equals("version")) {
        // kotlin("jvm") version "1.9.24" (already its coordinates), id("org.jetbrains.kotlin.jvm") version "..":
        // the version kotlin("stdlib") takes
        String plugin = result instanceof MethodCallExpression id && "id".equals(id.getMethodAsString())
            && id.getArguments() instanceof ArgumentListExpression arguments && arguments.getExpressions().size() == 1
            ? text(arguments.getExpression(0)) : text(result);
        if (plugin != null && (plugin.startsWith("org.jetbrains.kotlin.") || plugin.startsWith("org.jetbrains.kotlin:kotlin-"))) {
          kotlinVersion = text(argument);
        }
      }
      result = call(result, name, new ArgumentListExpression(argument), false);
    }
    return result;
  }

  private Expression postfix(PostfixUnaryExpressionContext postfix) {
    Expression current = expression(postfix.primaryExpression());
    boolean navigated = false; // current is a.b just written: a call on it calls b on a
    for (PostfixUnarySuffixContext suffix : postfix.postfixUnarySuffix()) {
      if (suffix.navigationSuffix() != null) {
        SimpleIdentifierContext member = suffix.navigationSuffix().simpleIdentifier();
        current = member == null ? OPAQUE_VALUE : new PropertyExpression(current, identifier(member));
        navigated = member != null;
      } else if (suffix.callSuffix() != null) {
        ArgumentListExpression arguments = arguments(suffix.callSuffix());
        if (navigated && current instanceof PropertyExpression member) {
          current = call(member.getObjectExpression(), member.getPropertyAsString(), arguments, false);
        } else if (current instanceof VariableExpression function) {
          current = call(VariableExpression.THIS_EXPRESSION, function.getName(), arguments, true);
        } else if (current instanceof ConstantExpression name && name.getValue() instanceof String configuration) {
          current = call(VariableExpression.THIS_EXPRESSION, configuration, arguments, true); // "implementation"(..)
        } else {
          current = call(current, "invoke", arguments, false);
        }
        navigated = false;
      } else if (suffix.indexingSuffix() != null) {
        String key = key(suffix.indexingSuffix());
        current = key == null ? OPAQUE_VALUE : new PropertyExpression(current, key); // extra["v"]: v
        navigated = false;
      }
      // type arguments (withType<Test>), !!, ++: nothing a reader needs
    }
    return current;
  }

  /**
   * A call, with Kotlin's spellings of what the Groovy reader reads given their Groovy shape: a property read as the
   * name it reads, {@code kotlin("x")} as its coordinates.
   */
  private Expression call(Expression receiver, String name, ArgumentListExpression arguments, boolean implicit) {
    List<Expression> values = arguments.getExpressions();
    String first = values.isEmpty() ? null : text(values.get(0));
    boolean ownProperty = implicit || receiver instanceof VariableExpression owner
        && (owner.getName().equals("project") || owner.getName().equals("rootProject"));
    if (first != null && values.size() == 1 && ((ownProperty && (name.equals("property") || name.equals("findProperty")))
        || (name.equals("get") && isExtra(receiver)))) {
      return new VariableExpression(first); // property("springCloudVersion"), extra.get("v")
    }
    if (implicit && name.equals("kotlin") && first != null && values.size() <= 2
        && values.stream().noneMatch(ClosureExpression.class::isInstance)) {
      String version = values.size() == 2 ? text(values.get(1)) : kotlinVersion;
      return new ConstantExpression("org.jetbrains.kotlin:kotlin-" + first + (version == null ? "" : ":" + version));
    }
    MethodCallExpression call = new MethodCallExpression(receiver, name, arguments);
    call.setImplicitThis(implicit);
    return call;
  }

  /** Positional arguments in order, named ones as one map first (as Groovy's named arguments), a trailing lambda last. */
  private ArgumentListExpression arguments(CallSuffixContext suffix) {
    List<Expression> positional = new ArrayList<>();
    List<MapEntryExpression> named = new ArrayList<>();
    if (suffix.valueArguments() != null) {
      for (ValueArgumentContext argument : suffix.valueArguments().valueArgument()) {
        Expression value = argument.MULT() != null ? OPAQUE_VALUE : expression(argument.expression());
        if (argument.simpleIdentifier() != null) {
          named.add(new MapEntryExpression(new ConstantExpression(identifier(argument.simpleIdentifier())), value));
        } else {
          positional.add(value);
        }
      }
    }
    List<Expression> all = new ArrayList<>();
    if (!named.isEmpty()) {
      all.add(new MapExpression(named));
    }
    all.addAll(positional);
    if (suffix.annotatedLambda() != null) {
      all.add(closure(suffix.annotatedLambda().lambdaLiteral()));
    }
    return new ArgumentListExpression(all);
  }

  /** A literal string, or a GString of its parts and the templates' values; {@code ${property("v")}} reads v. */
  private Expression string(ParserRuleContext literal) {
    List<ConstantExpression> strings = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    StringBuilder verbatim = new StringBuilder();
    for (int i = 0; i < literal.getChildCount(); i++) {
      ParseTree child = literal.getChild(i);
      if (child instanceof LineStringExpressionContext || child instanceof MultiLineStringExpressionContext) {
        strings.add(new ConstantExpression(part.toString()));
        part.setLength(0);
        values.add(expression(child instanceof LineStringExpressionContext line ? line.expression()
            : ((MultiLineStringExpressionContext) child).expression()));
      } else if (child instanceof ParserRuleContext || child.getParent() instanceof MultiLineStringLiteralContext) {
        if (child instanceof TerminalNode terminal && (terminal.getSymbol().getType() == KotlinParser.TRIPLE_QUOTE_OPEN
            || terminal.getSymbol().getType() == KotlinParser.TRIPLE_QUOTE_CLOSE)) {
          continue;
        }
        String text = child.getText();
        if (text.startsWith("$") && text.length() > 1) { // $name
          strings.add(new ConstantExpression(part.toString()));
          part.setLength(0);
          values.add(new VariableExpression(text.substring(1)));
        } else {
          part.append(child instanceof LineStringContentContext content && content.LineStrEscapedChar() != null
              ? unescape(text) : text);
        }
      }
      verbatim.append(child.getText());
    }
    if (values.isEmpty()) {
      return new ConstantExpression(part.toString());
    }
    strings.add(new ConstantExpression(part.toString()));
    return new GStringExpression(verbatim.toString(), strings, values);
  }

  private static String unescape(String escaped) {
    if (escaped.startsWith("\\u") && escaped.length() == 6) {
      return String.valueOf((char) Integer.parseInt(escaped.substring(2), 16));
    }
    return switch (escaped) {
      case "\\t" -> "\t";
      case "\\n" -> "\n";
      case "\\r" -> "\r";
      case "\\b" -> "\b";
      default -> escaped.substring(1); // \" \' \\ \$
    };
  }

  /** {@code ["v"]}: the literal key, or null. */
  private String key(IndexingSuffixContext indexing) {
    return indexing.expression().size() == 1 ? text(expression(indexing.expression(0))) : null;
  }

  private static String text(Expression expression) {
    return expression instanceof ConstantExpression constant && constant.getValue() instanceof String text ? text : null;
  }

  /** {@code extra}, {@code project.extra}, {@code rootProject.extra}, {@code ext}. */
  private static boolean isExtra(Expression expression) {
    return expression instanceof VariableExpression variable && (variable.getName().equals("extra")
        || variable.getName().equals("ext"))
        || expression instanceof PropertyExpression property && (property.getPropertyAsString().equals("extra")
        || property.getPropertyAsString().equals("ext"));
  }

  private static String identifier(SimpleIdentifierContext identifier) {
    String text = identifier.getText();
    return text.length() > 1 && text.startsWith("`") && text.endsWith("`") ? text.substring(1, text.length() - 1) : text;
  }

  private static Token assign() {
    return Token.newSymbol(Types.ASSIGN, -1, -1);
  }
}
