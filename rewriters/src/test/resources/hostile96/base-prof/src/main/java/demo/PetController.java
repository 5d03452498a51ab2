package demo;
import org.springframework.web.bind.annotation.*;
@RestController
public class PetController {
    private final ClinicService clinic;
    public PetController(ClinicService clinic) { this.clinic = clinic; }
    @PutMapping("/pets/{id}")
    public void rename(@PathVariable int id, @RequestParam String name) {
        Pet pet = clinic.findPetById(id);
        pet.setName(name);
        clinic.savePet(pet);
    }
}
