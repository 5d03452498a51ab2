package shop;
public class Badge {
    private final Member member;
    public Badge(Member member) { this.member = member; }
    public String getName() { return member.getName(); }

}
