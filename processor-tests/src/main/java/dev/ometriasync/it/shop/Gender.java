package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.OmetriaValue;

/** The shop's own gender values, mapped to Ometria's letters. */
public enum Gender {
    @OmetriaValue("f") FEMALE,
    @OmetriaValue("m") MALE,
    @OmetriaValue("o") OTHER
}
