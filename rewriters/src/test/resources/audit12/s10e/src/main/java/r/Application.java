package r;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;

// An "app" of an app store. The views (src/main/webapp/WEB-INF/views/*.jsp) read id, name and
// downloads only, and bigIcon where the query JOIN FETCHes it; never category.
@Entity
public class Application {
    @Id
    private Integer id;
    private String name;
    private int downloads;
    @ManyToOne(fetch = FetchType.LAZY)
    private Category category;
    @OneToOne(fetch = FetchType.LAZY)
    private Icon bigIcon;

    public Integer getId() { return id; }
    public String getName() { return name; }
    public int getDownloads() { return downloads; }
    public Category getCategory() { return category; }
    public Icon getBigIcon() { return bigIcon; }
    public void setDownloads(int downloads) { this.downloads = downloads; }
}
