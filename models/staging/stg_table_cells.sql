with

source as (

    select * from {{ source('ingest', 'raw_table_cells') }}

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
        printed_unit,
        -- the unit of the last printed digit: 1 for `-38 196`, 0.1 for `-145,2`
        cast(power(10, -length(coalesce(nullif(split_part(printed_text, ',', 2), ''), '')))
            as decimal(18, 4)) as rounding,
        source_line
    from source

)

select * from final
