package demo;

import org.springframework.stereotype.Service;

@Service
public class Ops {
    public void negate() {
        OpAtomic.EQ.notation().set("<>");
        OpNested.EQ.symbol().change("<>");
    }
}
