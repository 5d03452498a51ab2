package demo;

public final class SqlParts {
    private SqlParts() {}

    public static String condition(String column, OpHolder operand) {
        return column + " " + operand.dbNotation() + " :v";
    }
}
