package shop;

import java.util.ArrayList;
import java.util.List;

public class UserDto {
    private String name;
    private List<String> roles = new ArrayList<>();

    public UserDto() {
    }

    public UserDto(List<String> roles) {
        this.roles = roles;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void addRole(String role) {
        roles.add(role);
    }

    @Override
    public String toString() {
        return name + " " + roles;
    }
}
