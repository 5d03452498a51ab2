package shop;
public class Job {
    private final CatWriter writer;
    public Job(CatWriter writer) { this.writer = writer; }
    public void go(Long id, String n) { writer.rename(id, n); }
}
