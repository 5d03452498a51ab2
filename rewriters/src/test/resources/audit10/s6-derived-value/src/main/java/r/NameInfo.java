package r;
// mutable holder (as UserNameNickName in the audited project: Lombok @Getter @Setter @AllArgsConstructor)
public class NameInfo {
    private String name;
    private String nickname;
    public NameInfo(String name, String nickname) { this.name = name; this.nickname = nickname; }
    public String getName() { return name; }
    public String getNickname() { return nickname; }
    public void setNickname(String nickname) { this.nickname = nickname; }
}
