package shop;
public abstract class Badge {
    private String label;
    protected Badge(String label) { this.label = label; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
}
