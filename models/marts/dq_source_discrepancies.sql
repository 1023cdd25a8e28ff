{#-
    Every breach of a report table's own arithmetic, reviewed or not, for all table
    families and the tables of unknown layout. is_known marks those listed in the reviewed
    seed known_source_discrepancies; a report with any other is quarantined (its facts stay
    out of the marts) and listed in dq_quarantined_reports.
-#}
with

discrepancies as (

    select * from {{ ref('int_table_discrepancies') }}

),

final as (

    select
        report_id,
        table_family,
        table_id,
        row_number,
        row_label,
        rule,
        column_number,
        column_header,
        expected_value,
        printed_value,
        difference,
        tolerance,
        source_line,
        is_known,
        justification
    from discrepancies

)

select * from final
