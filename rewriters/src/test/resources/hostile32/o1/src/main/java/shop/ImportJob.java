package shop;
import org.springframework.stereotype.Component;
@Component
public class ImportJob {
    private final CatService renamer;
    public ImportJob(CatRepository repo) { this.renamer = new BulkCatService(repo); }
    public void importLine(String line) { String[] f = line.split(";"); renamer.rename(Long.valueOf(f[0]), f[1]); }
}
