//! Figures: numbers, amounts, percentages, dates.
