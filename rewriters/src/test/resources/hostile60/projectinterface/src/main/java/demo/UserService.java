package demo;

public interface UserService {
    UserDto findById(Long id);
}
