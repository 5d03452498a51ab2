package demo;

import org.springframework.stereotype.Service;

@Service
public class OpService {
    public void negateEquality(boolean negated) {
        OpHolder.EQ.notation().setSymbol(negated ? "<>" : "=");
    }
}
