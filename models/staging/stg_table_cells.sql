with

source as (

    select * from {{ ref('raw_table_cells') }}

),

final as (

    select
        report_id,
        table_id,
        row_number,
        column_number,
        printed_text,
        amount,
        printed_text is null or printed_text in ('', '-') as is_empty,
        source_line
    from source

)

select * from final
