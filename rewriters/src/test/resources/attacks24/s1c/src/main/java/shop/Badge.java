package shop;
public class Badge {
    private final Member member;
    public Badge(Member member) { this.member = member; }
    public String getName() { return member.getName(); }
    public static class Peek {
        public static Member of(Badge b) { return b.member; }
    }
}
