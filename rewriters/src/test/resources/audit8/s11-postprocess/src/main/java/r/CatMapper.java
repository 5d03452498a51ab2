package r;
@org.mapstruct.Mapper(componentModel = "spring") public interface CatMapper { CatDto toDto(Cat cat); }
