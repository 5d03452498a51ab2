package shop;

public class UserDto extends BaseDto {
    private String name;

    @Override
    public String toString() {
        return name + " " + roles;
    }
}
