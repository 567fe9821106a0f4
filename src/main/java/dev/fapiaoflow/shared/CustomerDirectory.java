package dev.fapiaoflow.shared;

/** Whether a name may own the orders the shop pushes: a customer's account, or one the sign-on will create. */
@FunctionalInterface
public interface CustomerDirectory {

    boolean mayReceiveOrders(String name);
}
