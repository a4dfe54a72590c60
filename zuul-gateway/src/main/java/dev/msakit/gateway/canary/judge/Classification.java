package dev.msakit.gateway.canary.judge;

/** A metric's or an interval's verdict, from best to worst; INCONCLUSIVE when the data cannot tell. */
public enum Classification {
    PASS, MARGINAL, FAIL, INCONCLUSIVE
}
