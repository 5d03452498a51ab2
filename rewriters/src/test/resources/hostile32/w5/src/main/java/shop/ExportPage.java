package shop;
import java.util.List;
/** A page that also carries every name of the page for the export button; the list shows the first ten. */
public class ExportPage extends PageResponse {
    private final List<String> all;
    public ExportPage(List<String> all, long total) { super(all.size() > 10 ? all.subList(0, 10) : all, total); this.all = all; }
    public List<String> getAll() { return all; }
}
