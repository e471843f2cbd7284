# Admin registrations for the intake app; each part registers from its own module.
