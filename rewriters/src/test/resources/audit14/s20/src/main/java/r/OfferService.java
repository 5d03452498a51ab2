package r;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OfferService {
    private final OfferRepository offers;
    private final CustomerRepository customers;

    public OfferService(OfferRepository offers, CustomerRepository customers) {
        this.offers = offers;
        this.customers = customers;
    }

    /** A new offer owned by the customer with that email: the customer is only referenced (Lombok @Data setCustomer). */
    @Transactional
    public Long create(String email, String title) {
        Customer customer = customers.findByEmail(email);
        Offer offer = Offer.builder().title(title).build();
        java.util.List<Note> notes = new java.util.ArrayList<>();
        notes.forEach(n -> n.setOffer(offer));
        offer.setCustomer(customer);
        return offers.save(offer).getId();
    }

    public String greeting(String email) {
        Customer customer = customers.findByEmail(email);
        return (customer == null ? "?" : "Hello " + customer.getFirstName()) + " at " + java.time.LocalTime.now();
    }
}
