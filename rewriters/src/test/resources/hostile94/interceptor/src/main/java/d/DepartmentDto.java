package d;
public record DepartmentDto(Long id, String title, String note) {}
