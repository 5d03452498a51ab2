package r.controller;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import r.entity.Vehicle;
import r.mapper.VehicleMapper;
import r.service.VehicleService;

@RestController
public class VehicleController {
    private final VehicleService service;
    private final VehicleMapper mapper;
    public VehicleController(VehicleService service, VehicleMapper mapper) { this.service = service; this.mapper = mapper; }
    @GetMapping("/vehicles")
    public List<String> all() { return service.findAll().stream().map(mapper::toDto).collect(Collectors.toList()); }
    @PostMapping("/vehicles")
    public Vehicle add(@RequestBody Vehicle v) { return service.save(v); }
}
