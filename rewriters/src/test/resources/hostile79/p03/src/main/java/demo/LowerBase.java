package demo;

public abstract class LowerBase {
    protected String table = "films";

    public void useArchive(boolean archive) {
        table = archive ? "films_archive" : "films";
    }
}
