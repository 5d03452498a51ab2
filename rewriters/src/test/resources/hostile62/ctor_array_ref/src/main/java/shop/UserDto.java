package shop;

import java.util.ArrayList;
import java.util.List;

public class UserDto {
    static final int[] COUNT = new int[1];
    private String name;
    private final List<String> roles = new ArrayList<>();
    private final int[] count;

    public UserDto() {
        this.count = COUNT;
    }

    public void addRole(String role) {
        roles.add(role);
        count[0]++;
    }

    @Override
    public String toString() {
        return name + " " + roles + " #" + count[0];
    }
}
