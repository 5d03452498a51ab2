package demo;

public final class Naming {
    public static String TABLE = "films";

    private Naming() {}

    public static void useArchive(boolean archive) {
        TABLE = archive ? "films_archive" : "films";
    }
}
