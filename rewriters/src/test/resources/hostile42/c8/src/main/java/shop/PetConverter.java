package shop;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
@Component
public class PetConverter implements Converter<String, Pet> {
    private final PetLookup lookup;
    public PetConverter(PetLookup lookup) { this.lookup = lookup; }
    @Override public Pet convert(String id) { return lookup.byId(id); }
}
