package shop;
public class StarBadge extends Badge {
    private int stars;
    public StarBadge(String label, int stars) { super(label); this.stars = stars; }
    public int getStars() { return stars; }
    public void setStars(int stars) { this.stars = stars; }
}
